import "server-only";
import { createSessionCookie } from "@tenang/app-server/auth/session-cookie";
import { SESSION_COOKIE } from "./auth-config";

export const { readSessionSecret, setSessionCookie, clearSessionCookie } = createSessionCookie(SESSION_COOKIE);
