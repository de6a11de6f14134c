import "server-only";
// What a chat image may be: JPEG, PNG or WebP, judged by the file's first bytes (the name and the declared type come
// from the sender's device and prove nothing), at most 5 MB. Refusals are validation_failed with one issue on
// `file`, worded in the sender's language, and `details.problem` naming the rule for programs.
import { DomainError } from "@tenang/booking-core/errors";
import type { Locale } from "@tenang/booking-core/locale";
import { MAX_CHAT_IMAGE_BYTES } from "@tenang/booking-core/schemas/chat";

// Phones take 2–4 MB photos; larger ones are rare and costly to move over mobile data both ways. Re-exported so the
// form reader and the tests name one limit.
export { MAX_CHAT_IMAGE_BYTES };

/** Accepted content types and the extension a stored file gets (all within the chat-images bucket's list). */
export const CHAT_IMAGE_EXTENSIONS = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
} as const;

export type ChatImageType = keyof typeof CHAT_IMAGE_EXTENSIONS;

export function isChatImageType(value: string): value is ChatImageType {
  return Object.hasOwn(CHAT_IMAGE_EXTENSIONS, value);
}

/** Enough leading bytes for every signature below. */
export const SNIFF_BYTES = 12;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** The image type the bytes are, by their signature; null for anything else. */
export function sniffChatImageType(bytes: Uint8Array): ChatImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  // RIFF <4-byte size> WEBP
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  return null;
}

export type ChatImageProblem = "image_missing" | "image_too_large" | "image_type_unsupported";

const sentences: Record<ChatImageProblem, Record<Locale, string>> = {
  image_missing: { en: "Choose a photo to send.", id: "Pilih foto untuk dikirim." },
  image_too_large: {
    en: "This photo is larger than 5 MB. Please choose a smaller one.",
    id: "Foto ini lebih besar dari 5 MB. Silakan pilih foto yang lebih kecil.",
  },
  image_type_unsupported: {
    en: "Only JPEG, PNG or WebP photos can be sent.",
    id: "Hanya foto JPEG, PNG, atau WebP yang bisa dikirim.",
  },
};

export function chatImageRefusal(problem: ChatImageProblem, locale: Locale = "en"): DomainError {
  return new DomainError("validation_failed", `chat image refused: ${problem}`, {
    details: { problem },
    issues: [{ path: "file", message: sentences[problem][locale] }],
  });
}

/** The bytes of an acceptable chat image and their type, or the refusal. Reads no more than the limit allows. */
export async function checkChatImageFile(
  file: Blob,
  locale: Locale = "en",
): Promise<{ bytes: Uint8Array; type: ChatImageType }> {
  if (file.size === 0) throw chatImageRefusal("image_missing", locale);
  if (file.size > MAX_CHAT_IMAGE_BYTES) throw chatImageRefusal("image_too_large", locale);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffChatImageType(bytes.subarray(0, SNIFF_BYTES));
  if (!type) throw chatImageRefusal("image_type_unsupported", locale);
  return { bytes, type };
}
