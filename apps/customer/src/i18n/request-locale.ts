import "server-only";
import { createRequestMessages } from "@tenang/app-server/i18n/request-locale";
import { getMessages } from "./messages";

export { getRequestLocale } from "@tenang/app-server/i18n/request-locale";

/** This app's texts in the reader's language (cookie, else Accept-Language). */
export const getRequestMessages = createRequestMessages(getMessages);
