"use client";

// A photo in the chat: the picked file itself while it uploads (an object URL, released when no longer shown), then
// the stored photo through our route (GET /api/bookings/[id]/images/[fileId], which checks the viewer — the browser
// never talks to Appwrite Storage). Sized for a phone's bubble; a tap opens it full size in a modal dialog.
import { isDomainError } from "@tenang/booking-core/errors";
import type { ChatMessage } from "@tenang/chat-client/chat-message";
import type { ImageRefusal } from "@tenang/chat-client/chat-session";
import { ChatApiError, chatImagePath } from "@tenang/chat-client/fetch-chat-api";
import { useEffect, useRef, useState } from "react";
import { ImageIcon } from "@/components/icons";
import type { Messages } from "@/i18n/messages";
import { errorText } from "@/lib/error-text";

type ImageMessage = Extract<ChatMessage, { kind: "image" }>;

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

export function ChatPhoto({ message, alt, messages: m }: { message: ImageMessage; alt: string; messages: Messages }) {
  const localUrl = useObjectUrl(message.localImage);
  const src = message.localImage ? localUrl : chatImagePath(message.bookingId, message.imageFileId);
  // Remembered per source: a preview the browser cannot draw must not hide the stored photo that replaces it.
  const [brokenSrc, setBrokenSrc] = useState<string | null>(null);
  const broken = src !== null && brokenSrc === src;
  const dialog = useRef<HTMLDialogElement>(null);

  if (broken) {
    return (
      <span className="flex items-center gap-2" data-testid="chat-photo-unavailable">
        <ImageIcon className="size-5 shrink-0" />
        {m.chat.photoUnavailable}
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
        aria-label={m.chat.openPhoto}
        aria-haspopup="dialog"
      >
        {/* A plain img: the bytes come from our own route with the guest's cookie, which next/image's optimiser would not send. */}
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
              {m.chat.closePhoto}
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

/** The alt text of a photo: who sent it (a caption is shown, and read, next to it). */
export function photoAlt(own: boolean, authorName: string | undefined, m: Messages): string {
  if (own) return m.chat.photoAltOwn;
  return authorName ? m.chat.photoAltFrom(authorName) : m.chat.image;
}

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
  if (error instanceof ChatApiError) {
    if (error.issues[0]) return error.issues[0].message;
    if (error.status >= 400 && error.status < 500 && error.message) return error.message;
  }
  return errorText(error, m);
}
