"use client";

// Why a chat photo could not be sent, in the guest's words; the photo itself is @tenang/ui/chat-photo.
import { isDomainError } from "@tenang/booking-core/errors";
import type { ImageRefusal } from "@tenang/chat-client/chat-session";
import { ApiError } from "@tenang/chat-client/api-client";
import type { Messages } from "@/i18n/messages";
import { errorText } from "@/lib/error-text";

const REFUSALS: readonly ImageRefusal[] = ["image_missing", "image_too_large", "image_type_unsupported"];

/**
 * Why a photo could not be sent, in the guest's language: a refusal before sending (chat-client names the rule),
 * the server's own sentence for a refused file or request (worded from the locale cookie), or the usual error text.
 */
export function photoErrorText(error: unknown, m: Messages): string {
  if (isDomainError(error)) {
    const problem = REFUSALS.find((p) => p === error.details.problem);
    if (problem) return m.chat.photoErrors[problem];
    return error.issues[0]?.message ?? m.errors.generic;
  }
  if (error instanceof ApiError) {
    if (error.issues[0]) return error.issues[0].message;
    if (error.status >= 400 && error.status < 500 && error.message) return error.message;
  }
  return errorText(error, m);
}
