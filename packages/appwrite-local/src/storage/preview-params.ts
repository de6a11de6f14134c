// getFilePreview's query parameters, validated with Appwrite's ranges and wording
// (Storage/Http/Buckets/Files/Preview/Get.php: Range, WhiteList and HexColor validators).
import { errors } from "../errors.ts";
import { integerParam } from "../account/params.ts";

/** utopia-php/image's gravity names, in its order (the order Appwrite lists them in the error). */
export const GRAVITIES = [
  "center",
  "top-left",
  "top",
  "top-right",
  "left",
  "right",
  "bottom-left",
  "bottom",
  "bottom-right",
] as const;
export type Gravity = (typeof GRAVITIES)[number];

/** Appwrite app/config/storage/outputs.php: output format → Content-Type, in its order. */
export const PREVIEW_OUTPUTS = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  heic: "image/heic",
  avif: "image/avif",
  gif: "image/gif",
} as const;
export type OutputFormat = keyof typeof PREVIEW_OUTPUTS;

export interface PreviewOptions {
  width: number;
  height: number;
  gravity: Gravity;
  /** -1 keeps the encoder's default. */
  quality: number;
  borderWidth: number;
  /** Hex without `#`; "" when not given. */
  borderColor: string;
  borderRadius: number;
  opacity: number;
  rotation: number;
  /** Hex without `#`; "" when not given. */
  background: string;
  /** "" picks the format from the file (see resolveOutput). */
  output: OutputFormat | "";
}

const HEX = /^([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$/;

function hexParam(query: Record<string, unknown>, key: string): string {
  const v = query[key];
  if (v === undefined || v === null) return "";
  if (typeof v !== "string" || !HEX.test(v)) throw errors.argumentInvalid(key, "Value must be a valid Hex color code");
  return v;
}

function opacityParam(query: Record<string, unknown>): number {
  const raw = query.opacity;
  if (raw === undefined || raw === null) return 1;
  const v = typeof raw === "string" && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 1)
    throw errors.argumentInvalid("opacity", "Value must be a valid range between 0 and 1");
  return v;
}

export function parsePreviewOptions(query: Record<string, unknown>): PreviewOptions {
  const width = integerParam(query, "width", { min: 0, max: 4000, fallback: 0 });
  const height = integerParam(query, "height", { min: 0, max: 4000, fallback: 0 });

  // Appwrite's gravity WhiteList is not strict, so it matches case-insensitively.
  const rawGravity = query.gravity ?? "center";
  const gravity = typeof rawGravity === "string" ? GRAVITIES.find((g) => g === rawGravity.toLowerCase()) : undefined;
  if (!gravity) throw errors.argumentInvalid("gravity", `Value must be one of (${GRAVITIES.join(", ")})`);

  const quality = integerParam(query, "quality", { min: -1, max: 100, fallback: -1 });
  const borderWidth = integerParam(query, "borderWidth", { min: 0, max: 100, fallback: 0 });
  const borderColor = hexParam(query, "borderColor");
  const borderRadius = integerParam(query, "borderRadius", { min: 0, max: 4000, fallback: 0 });
  const opacity = opacityParam(query);
  const rotation = integerParam(query, "rotation", { min: -360, max: 360, fallback: 0 });
  const background = hexParam(query, "background");

  // The output WhiteList is strict: exact, lower-case names only.
  const rawOutput = query.output ?? "";
  if (typeof rawOutput !== "string" || (rawOutput !== "" && !Object.hasOwn(PREVIEW_OUTPUTS, rawOutput))) {
    throw errors.argumentInvalid("output", `Value must be one of (${Object.keys(PREVIEW_OUTPUTS).join(", ")})`);
  }
  const output = rawOutput as OutputFormat | "";
  rejectHeicOutput(output);

  return {
    width,
    height,
    gravity,
    quality,
    borderWidth,
    borderColor,
    borderRadius,
    opacity,
    rotation,
    background,
    output,
  };
}

/** sharp's prebuilt libvips encodes AVIF (AV1) but has no HEVC encoder, so HEIC output cannot be made locally. */
export function rejectHeicOutput(output: OutputFormat | ""): void {
  if (output === "heic") {
    throw errors.argumentInvalid(
      "output",
      "heic output is not supported by the local server (no HEVC encoder); use avif, webp, jpg or png",
    );
  }
}

/**
 * The format when `output` is not given, as Appwrite picks it: the stored file's extension when it is an output
 * format, jpg for any other extension, and for a name without one the format of its MIME type (else jpg).
 * Appwrite reads the extension of the stored path, which keeps the name the file was uploaded with.
 */
export function resolveOutput(requested: OutputFormat | "", fileName: string, mimeType: string): OutputFormat {
  if (requested !== "") return requested;
  const dot = fileName.lastIndexOf(".");
  const ext = dot >= 0 ? fileName.slice(dot + 1).toLowerCase() : "";
  if (ext !== "") return Object.hasOwn(PREVIEW_OUTPUTS, ext) ? (ext as OutputFormat) : "jpg";
  const byMime = (Object.keys(PREVIEW_OUTPUTS) as OutputFormat[]).find((k) => PREVIEW_OUTPUTS[k] === mimeType);
  return byMime ?? "jpg";
}
