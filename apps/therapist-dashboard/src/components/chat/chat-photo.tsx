"use client";

// A photo in the booking chat: the picked file itself while it uploads (an object URL, released when no longer
// shown), then the stored photo through this app's route (GET /api/bookings/[id]/images/[fileId], which checks that
// the signed-in therapist is in this chat — the browser never talks to Appwrite Storage). Sized for a phone; a tap
// opens it full size in a modal dialog.
import { isDomainError } from "@tenang/booking-core/errors";
import type { ChatMessage } from "@tenang/chat-client/chat-message";
import type { ImageRefusal } from "@tenang/chat-client/chat-session";
import { ChatApiError, chatImagePath } from "@tenang/chat-client/fetch-chat-api";
import { useEffect, useRef, useState } from "react";
import type { Messages } from "@/i18n/messages";

type ImageMessage = Extract<ChatMessage, { kind: "image" }>;
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

export function PinIcon({ className = "size-5" }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={`${className} fill-none stroke-current`} strokeWidth="2">
      <path d="M12 21s-7-6.2-7-11.5A7 7 0 0 1 19 9.5C19 14.8 12 21 12 21z" strokeLinejoin="round" />
      <circle cx="12" cy="9.5" r="2.5" />
    </svg>
  );
}

/** Google Maps at a shared pin (opens the app on a phone). */
export function mapsUrl(lat: number, lng: number): string {
  return `https://www.google.com/maps/search/?api=1&query=${lat},${lng}`;
}

/** The picked file as a URL for as long as the message shows it. */
function useObjectUrl(file: Blob | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) {
      setUrl(null);
      return;
    }
    const created = URL.createObjectURL(file);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [file]);
  return url;
}

export function ChatPhoto({ message, alt, text: t }: { message: ImageMessage; alt: string; text: ChatText }) {
  const localUrl = useObjectUrl(message.localImage);
  const src = message.localImage ? localUrl : chatImagePath(message.bookingId, message.imageFileId);
  // Remembered per source: a preview the browser cannot draw must not hide the stored photo that replaces it.
  const [brokenSrc, setBrokenSrc] = useState<string | null>(null);
  const broken = src !== null && brokenSrc === src;
  const dialog = useRef<HTMLDialogElement>(null);

  if (broken) {
    return (
      <span className="flex items-center gap-2" data-testid="chat-photo-unavailable">
        <PhotoIcon className="size-5 shrink-0" />
        {t.photoUnavailable}
      </span>
    );
  }
  if (!src) return <span className="block h-40 w-60 max-w-full animate-pulse rounded-xl bg-sand-200" />;
  return (
    <>
      <button
        type="button"
        className="-mx-2 -mt-0.5 block overflow-hidden rounded-xl focus-visible:ring-2 focus-visible:ring-tenang-300 focus-visible:outline-none"
        onClick={() => dialog.current?.showModal()}
        aria-label={t.openPhoto}
        aria-haspopup="dialog"
      >
        {/* A plain img: the bytes come from our own route with the session cookie, which next/image's optimiser would not send. */}
        <img
          src={src}
          alt={alt}
          className="block max-h-80 min-h-16 w-60 max-w-full bg-sand-100 object-cover"
          decoding="async"
          onError={() => setBrokenSrc(src)}
          data-testid="chat-photo"
        />
      </button>
      <dialog
        ref={dialog}
        className="m-auto max-h-none max-w-none bg-transparent p-0 backdrop:bg-sand-900/90"
        aria-label={alt}
        onClick={(event) => {
          // A tap on the dark backdrop (the dialog element itself, outside the photo) closes it.
          if (event.target === event.currentTarget) dialog.current?.close();
        }}
        data-testid="chat-photo-dialog"
      >
        <div className="flex max-h-dvh max-w-[100vw] flex-col items-end gap-2 p-3">
          <form method="dialog">
            <button
              type="submit"
              className="rounded-full bg-white/90 px-4 py-1.5 text-sm font-medium text-sand-900"
              autoFocus
            >
              {t.closePhoto}
            </button>
          </form>
          <img
            src={src}
            alt={alt}
            className="h-auto max-h-[calc(100dvh-5rem)] w-[calc(100vw-1.5rem)] max-w-3xl rounded-lg object-contain"
          />
        </div>
      </dialog>
    </>
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
  if (error instanceof ChatApiError) return error.issues[0]?.message ?? error.message;
  return t.failed;
}
