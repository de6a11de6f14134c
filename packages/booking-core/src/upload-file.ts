// The one check every upload passes (chat photos, profile photos, payment proofs): what a file is, judged by its
// first bytes. The name and the declared type come from the sender's device and prove nothing, so neither is read.
// The size is checked before a byte is read, and each caller words the refusal for its own form from the problem.
import { MAX_CHAT_IMAGE_BYTES } from "./schemas/chat";

/** Every type an upload may be, and the extension a stored file of that type gets (within its bucket's list). */
export const UPLOAD_FILE_EXTENSIONS = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
} as const;

export type UploadFileType = keyof typeof UPLOAD_FILE_EXTENSIONS;

export function isUploadFileType(value: string): value is UploadFileType {
  return Object.hasOwn(UPLOAD_FILE_EXTENSIONS, value);
}

/** What one upload accepts. */
export interface UploadRules {
  types: readonly UploadFileType[];
  maxBytes: number;
}

/** The photos people take with a phone. SVG, GIF and HEIC are not among them on purpose: a browser runs SVG. */
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const satisfies readonly UploadFileType[];

/** A photo sent into a booking's chat. */
export const CHAT_IMAGE_UPLOAD: UploadRules = { types: PHOTO_TYPES, maxBytes: MAX_CHAT_IMAGE_BYTES };

/** A therapist's profile photo. */
export const PROFILE_PHOTO_UPLOAD: UploadRules = { types: PHOTO_TYPES, maxBytes: 5 * 1024 * 1024 };

/** A commission's transfer proof: a photo, or the PDF a banking app exports. */
export const PAYMENT_PROOF_TYPES = [...PHOTO_TYPES, "application/pdf"] as const satisfies readonly UploadFileType[];
export const PAYMENT_PROOF_UPLOAD: UploadRules = { types: PAYMENT_PROOF_TYPES, maxBytes: 10 * 1024 * 1024 };

/** Enough leading bytes for every signature below. */
export const SNIFF_BYTES = 12;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** The type the bytes are, by their signature; null for anything else. */
export function sniffUploadType(bytes: Uint8Array): UploadFileType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  // RIFF <4-byte size> WEBP
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  return null;
}

export type UploadProblem = "missing" | "too_large" | "type_unsupported";

export type UploadCheck = { ok: true; bytes: Uint8Array; type: UploadFileType } | { ok: false; problem: UploadProblem };

/** The bytes of an acceptable file and their type, or the rule it breaks. Reads no more than the limit allows. */
export async function checkUpload(file: Blob, rules: UploadRules): Promise<UploadCheck> {
  if (file.size === 0) return { ok: false, problem: "missing" };
  if (file.size > rules.maxBytes) return { ok: false, problem: "too_large" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffUploadType(bytes.subarray(0, SNIFF_BYTES));
  if (type === null || !rules.types.includes(type)) return { ok: false, problem: "type_unsupported" };
  return { ok: true, bytes, type };
}

/** The extensions a name may already spell each type with (every one of them in the buckets' lists). */
const EXTENSION_SPELLINGS: Record<UploadFileType, readonly string[]> = {
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
  "image/webp": ["webp"],
  "application/pdf": ["pdf"],
};

/**
 * The name a file is stored under: the uploaded name when its extension already says what the bytes are, else the
 * name with the bytes' extension (the bucket refuses an extension not on its list, and the name is a download's).
 */
export function storedFileName(uploadedName: string, type: UploadFileType): string {
  const dot = uploadedName.lastIndexOf(".");
  const extension = dot >= 0 ? uploadedName.slice(dot + 1).toLowerCase() : "";
  if (EXTENSION_SPELLINGS[type].includes(extension)) return uploadedName;
  const base = (dot >= 0 ? uploadedName.slice(0, dot) : uploadedName).trim();
  return `${base === "" ? "upload" : base}.${UPLOAD_FILE_EXTENSIONS[type]}`;
}
