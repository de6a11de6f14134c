// Content types. Appwrite asks libmagic (content sniffing); we recognise the common formats by their leading bytes,
// then fall back to the file extension, then "text/plain" for text, then the type the client declared.
import path from "node:path";

const BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  heic: "image/heic",
  avif: "image/avif",
  svg: "image/svg+xml",
  bmp: "image/bmp",
  ico: "image/vnd.microsoft.icon",
  pdf: "application/pdf",
  mp4: "video/mp4",
  m4v: "video/mp4",
  webm: "video/webm",
  mov: "video/quicktime",
  avi: "video/x-msvideo",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  aac: "audio/aac",
  ogg: "audio/ogg",
  wav: "audio/x-wav",
  json: "application/json",
  csv: "text/csv",
  txt: "text/plain",
  html: "text/html",
  css: "text/css",
  js: "text/javascript",
  zip: "application/zip",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};

function startsWith(buf: Buffer, bytes: number[], offset = 0): boolean {
  return bytes.every((b, i) => buf[offset + i] === b);
}

function ascii(buf: Buffer, start: number, end: number): string {
  return buf.subarray(start, end).toString("latin1");
}

function sniff(head: Buffer): string | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (ascii(head, 0, 6) === "GIF87a" || ascii(head, 0, 6) === "GIF89a") return "image/gif";
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP") return "image/webp";
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WAVE") return "audio/x-wav";
  if (ascii(head, 0, 5) === "%PDF-") return "application/pdf";
  if (ascii(head, 4, 8) === "ftyp") {
    const brand = ascii(head, 8, 12);
    if (brand === "heic" || brand === "heix" || brand === "mif1") return "image/heic";
    if (brand === "avif") return "image/avif";
    if (brand === "qt  ") return "video/quicktime";
    if (brand.startsWith("M4A")) return "audio/mp4";
    return "video/mp4";
  }
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return "video/webm";
  if (ascii(head, 0, 3) === "ID3" || startsWith(head, [0xff, 0xfb])) return "audio/mpeg";
  if (ascii(head, 0, 4) === "OggS") return "audio/ogg";
  if (ascii(head, 0, 2) === "BM") return "image/bmp";
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return "application/zip";
  return null;
}

function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  if (head.includes(0)) return false;
  // A multi-byte character may be cut at the end of the sample; only reject clear decoding errors before it.
  return !head
    .subarray(0, Math.max(0, head.length - 4))
    .toString("utf8")
    .includes("\uFFFD");
}

export function detectMimeType(head: Buffer, filename: string, declared: string): string {
  const ext = path.extname(filename).slice(1).toLowerCase();
  // An own-property lookup: a file named `x.constructor` must not find Object.prototype.constructor.
  const byExt = Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : undefined;
  const sniffed = sniff(head);
  // Office documents are zip files; the extension says which one.
  if (sniffed === "application/zip" && byExt && byExt !== "application/zip") return byExt;
  if (sniffed) return sniffed;
  if (byExt) return byExt;
  if (looksLikeText(head)) return head.toString("utf8").trimStart().startsWith("<svg") ? "image/svg+xml" : "text/plain";
  if (declared && declared !== "application/octet-stream") return declared.split(";")[0]!.trim();
  return "application/octet-stream";
}

/** Types `getFileView` serves as themselves (Appwrite app/config/storage/mimes.php); anything else is text/plain. */
export const VIEWABLE_MIME_TYPES = new Set([
  "image/jpeg",
  "image/gif",
  "image/png",
  "image/webp",
  "image/heic",
  "image/heic-sequence",
  "image/avif",
  "video/mp4",
  "video/x-flv",
  "video/webm",
  "application/x-mpegURL",
  "video/MP2T",
  "video/3gpp",
  "video/quicktime",
  "video/x-msvideo",
  "video/x-ms-wmv",
  "audio/basic",
  "auido/L24",
  "audio/mid",
  "audio/mpeg",
  "audio/mp4",
  "audio/x-aiff",
  "audio/x-mpegurl",
  "audio/vnd.rn-realaudio",
  "audio/ogg",
  "audio/vorbis",
  "audio/vnd.wav",
  "audio/x-wav",
  "audio/aac",
  "audio/x-hx-aac-adts",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
  "application/vnd.ms-word.document.macroEnabled.12",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template",
  "application/vnd.ms-excel.sheet.macroEnabled.12",
  "application/vnd.ms-excel.template.macroEnabled.12",
  "application/vnd.ms-excel.addin.macroEnabled.12",
  "application/vnd.ms-excel.sheet.binary.macroEnabled.12",
  "application/vnd.ms-powerpoint",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.openxmlformats-officedocument.presentationml.template",
  "application/vnd.openxmlformats-officedocument.presentationml.slideshow",
  "application/vnd.ms-powerpoint.addin.macroEnabled.12",
  "application/vnd.ms-powerpoint.presentation.macroEnabled.12",
  "application/vnd.ms-powerpoint.template.macroEnabled.12",
  "application/vnd.ms-powerpoint.slideshow.macroEnabled.12",
  "application/vnd.ms-access",
  "application/pdf",
]);

/** Image types `getFilePreview` accepts as input (Appwrite app/config/storage/inputs.php). */
export const PREVIEW_INPUT_TYPES = new Set(["image/jpeg", "image/png", "image/heic", "image/webp", "image/gif"]);
