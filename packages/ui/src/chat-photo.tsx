"use client";

// A photo in a booking chat: the picked file itself while it uploads (an object URL, released when no longer shown),
// then the stored photo at `storedSrc` (the app's own route, which checks the viewer — the browser never talks to
// Appwrite Storage). Sized for a phone's bubble; a tap opens it full size in a modal dialog. Texts come in as props
// so each app words them in its viewer's language.
import { useEffect, useRef, useState } from "react";

export interface ChatPhotoLabels {
  /** The accessible name of the thumbnail button. */
  openPhoto: string;
  closePhoto: string;
  /** Shown instead of a photo the browser cannot draw. */
  photoUnavailable: string;
}

export interface ChatPhotoProps {
  /** The file being sent, shown until the stored photo replaces it. */
  localImage?: Blob | undefined;
  /** Where the stored photo is read from (an app route); used when there is no local file. */
  storedSrc: string;
  alt: string;
  labels: ChatPhotoLabels;
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

export function ChatPhoto({ localImage, storedSrc, alt, labels }: ChatPhotoProps) {
  const localUrl = useObjectUrl(localImage);
  const src = localImage ? localUrl : storedSrc;
  // Remembered per source: a preview the browser cannot draw must not hide the stored photo that replaces it.
  const [brokenSrc, setBrokenSrc] = useState<string | null>(null);
  const broken = src !== null && brokenSrc === src;
  const dialog = useRef<HTMLDialogElement>(null);

  if (broken) {
    return (
      <span className="flex items-center gap-2" data-testid="chat-photo-unavailable">
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-5 shrink-0 fill-none stroke-current"
          strokeWidth="2"
        >
          <rect x="3" y="4" width="18" height="16" rx="3" />
          <circle cx="9" cy="10" r="2" />
          <path d="M21 16l-5-5-9 9" strokeLinejoin="round" />
        </svg>
        {labels.photoUnavailable}
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
        aria-label={labels.openPhoto}
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
              {labels.closePhoto}
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
