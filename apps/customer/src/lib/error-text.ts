import type { Messages } from "@/i18n/messages";
import { isApiError } from "@tenang/chat-client/api-client";

/**
 * What to tell the customer about a failed request, in their language: the server's own sentence (already worded in
 * their language by the route), or ours for a dropped connection or something unexpected.
 */
export function errorText(error: unknown, messages: Messages): string {
  if (!isApiError(error)) return messages.errors.generic;
  if (error.code === "network" || error.status >= 500) {
    return error.code === "network" ? messages.errors.network : error.message || messages.errors.generic;
  }
  if (error.code === "version_conflict") return messages.errors.conflict;
  return error.message || messages.errors.generic;
}
