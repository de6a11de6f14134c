import "server-only";
// What a chat image may be: JPEG, PNG or WebP, judged by the file's first bytes (booking-core's checkUpload, the one
// check every upload passes: the name and the declared type come from the sender's device and prove nothing), at most
// 5 MB. Refusals are validation_failed with one issue on `file`, worded in the sender's language, and
// `details.problem` naming the rule for programs.
import { DomainError } from "@tenang/booking-core/errors";
import type { Locale } from "@tenang/booking-core/locale";
import { MAX_CHAT_IMAGE_BYTES } from "@tenang/booking-core/schemas/chat";
import {
  CHAT_IMAGE_UPLOAD,
  type PHOTO_TYPES,
  UPLOAD_FILE_EXTENSIONS,
  type UploadProblem,
  checkUpload,
} from "@tenang/booking-core/upload-file";

// Phones take 2–4 MB photos; larger ones are rare and costly to move over mobile data both ways. Re-exported so the
// form reader and the tests name one limit.
export { MAX_CHAT_IMAGE_BYTES };

/** Accepted content types and the extension a stored file gets (all within the chat-images bucket's list). */
export const CHAT_IMAGE_EXTENSIONS = {
  "image/jpeg": UPLOAD_FILE_EXTENSIONS["image/jpeg"],
  "image/png": UPLOAD_FILE_EXTENSIONS["image/png"],
  "image/webp": UPLOAD_FILE_EXTENSIONS["image/webp"],
} as const satisfies Record<ChatImageType, string>;

export type ChatImageType = (typeof PHOTO_TYPES)[number];

export function isChatImageType(value: string): value is ChatImageType {
  return Object.hasOwn(CHAT_IMAGE_EXTENSIONS, value);
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

const problems: Record<UploadProblem, ChatImageProblem> = {
  missing: "image_missing",
  too_large: "image_too_large",
  type_unsupported: "image_type_unsupported",
};

/** The bytes of an acceptable chat image and their type, or the refusal. Reads no more than the limit allows. */
export async function checkChatImageFile(
  file: Blob,
  locale: Locale = "en",
): Promise<{ bytes: Uint8Array; type: ChatImageType }> {
  const checked = await checkUpload(file, CHAT_IMAGE_UPLOAD);
  if (!checked.ok) throw chatImageRefusal(problems[checked.problem], locale);
  // CHAT_IMAGE_UPLOAD accepts only the photo types, so this holds for every accepted file.
  if (!isChatImageType(checked.type)) throw chatImageRefusal("image_type_unsupported", locale);
  return { bytes: checked.bytes, type: checked.type };
}
