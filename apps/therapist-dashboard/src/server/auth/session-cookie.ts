import "server-only";
import { createSessionCookie } from "@tenang/app-server/auth/session-cookie";
import { SESSION_COOKIE, SESSION_LIFETIME, sessionStamps } from "./auth-config";

export const sessionCookie = createSessionCookie(SESSION_COOKIE, { lifetime: SESSION_LIFETIME, stamps: sessionStamps });
export const { readSessionSecret, setSessionCookie, clearSessionCookie } = sessionCookie;
