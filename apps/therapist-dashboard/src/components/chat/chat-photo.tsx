"use client";

// The therapist's chat extras around photos (the attach icon, why a photo could not be sent); the photo itself is
// @tenang/ui/chat-photo.
import { isDomainError } from "@tenang/booking-core/errors";
import type { ImageRefusal } from "@tenang/chat-client/chat-session";
import { ApiError } from "@tenang/chat-client/api-client";
import type { Messages } from "@/i18n/messages";

type ChatText = Messages["chat"];

export function PhotoIcon({ className = "size-5" }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={`${className} fill-none stroke-current`} strokeWidth="2">
      <rect x="3" y="4" width="18" height="16" rx="3" />
      <circle cx="9" cy="10" r="2" />
      <path d="M21 16l-5-5-9 9" strokeLinejoin="round" />
    </svg>
  );
}

const REFUSALS: readonly ImageRefusal[] = ["image_missing", "image_too_large", "image_type_unsupported"];

/**
 * Why a photo could not be sent, in the therapist's language: a refusal before sending (chat-client names the rule),
 * or the server's own sentence (worded from the locale cookie).
 */
export function photoErrorText(error: unknown, t: ChatText): string {
  if (isDomainError(error)) {
    const problem = REFUSALS.find((p) => p === error.details.problem);
    if (problem) return t.photoErrors[problem];
    return error.issues[0]?.message ?? t.failed;
  }
  if (error instanceof ApiError) return error.issues[0]?.message ?? error.message;
  return t.failed;
}
