import "server-only";
// The fields of the multipart body both apps' POST /api/bookings/[id]/images take — `file`, `clientMessageId`,
// optional `text` — as uploadChatImage's arguments, so the two route handlers stay one call each. The route reads the
// body itself (app-server's readMultipartForm, capped with chatImageUploadCap).
import { DomainError } from "@tenang/booking-core/errors";
import type { Locale } from "@tenang/booking-core/locale";
import { chatImageRefusal, MAX_CHAT_IMAGE_BYTES } from "./chat-image-file";

export interface ChatImageForm {
  file: Blob;
  clientMessageId: string;
  text: string | null;
}

/**
 * The cap a route reads the body with: a body past it (declared, or counted while it streams) is refused before it
 * is read, as payload_too_large (413, like every oversized body), with the 5 MB rule worded as the issue on `file`.
 */
export function chatImageUploadCap(locale: Locale = "en") {
  return {
    maxFileBytes: MAX_CHAT_IMAGE_BYTES,
    tooLarge: () => {
      const { details, issues } = chatImageRefusal("image_too_large", locale);
      return new DomainError("payload_too_large", "chat image body past its cap", { details, issues });
    },
  };
}

export function chatImageFormFields(form: FormData, locale: Locale = "en"): ChatImageForm {
  const file = form.get("file");
  if (!(file instanceof Blob)) throw chatImageRefusal("image_missing", locale);
  const clientMessageId = form.get("clientMessageId");
  const text = form.get("text");
  return {
    file,
    // Left for uploadChatImage's schema to refuse, worded like every other validation message.
    clientMessageId: typeof clientMessageId === "string" ? clientMessageId : "",
    text: typeof text === "string" ? text : null,
  };
}
