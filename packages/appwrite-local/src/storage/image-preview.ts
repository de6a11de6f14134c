// getFilePreview's image pipeline with sharp, in the order Appwrite applies it with Imagick (utopia-php/image):
// crop/resize → opacity → background → border → border radius → rotation → EXIF orientation → encode.
// Each step after the resize runs as its own sharp pass over raw RGBA pixels, because sharp fixes the order of the
// operations inside one pipeline and Appwrite's order differs (e.g. the EXIF turn comes last, after the crop).
import sharp, { type Metadata, type Sharp } from "sharp";
import { AppwriteError } from "../errors.ts";
import type { Gravity, OutputFormat, PreviewOptions } from "./preview-params.ts";

/** sharp's default decode limit (0x3FFF²); larger images answer `storage_image_resolution_exceeded`. */
const MAX_INPUT_PIXELS = 0x3fff * 0x3fff;

const POSITIONS: Record<Gravity, string> = {
  center: "centre",
  "top-left": "northwest",
  top: "north",
  "top-right": "northeast",
  left: "west",
  right: "east",
  "bottom-left": "southwest",
  bottom: "south",
  "bottom-right": "southeast",
};

/** Appwrite turns by EXIF orientation 3/6/8 only (mirrored orientations are ignored), after every other step. */
const EXIF_TURNS: Record<number, number> = { 3: 180, 6: 90, 8: 270 };

interface RawImage {
  data: Buffer;
  width: number;
  height: number;
}

type Options = Omit<PreviewOptions, "output"> & { output: OutputFormat };

function unsupported(message: string): AppwriteError {
  return new AppwriteError(400, "storage_file_type_unsupported", message);
}

async function toRaw(s: Sharp): Promise<RawImage> {
  const { data, info } = await s.toColourspace("srgb").ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function fromRaw(img: RawImage): Sharp {
  return sharp(img.data, { raw: { width: img.width, height: img.height, channels: 4 } });
}

/** Appwrite's crop size: a missing side follows the aspect ratio (truncated); neither given keeps the original. */
function cropSize(opts: Options, width: number, height: number): { width: number; height: number } {
  const aspect = width / height;
  let w = opts.width;
  let h = opts.height;
  if (w === 0) w = Math.trunc(h * aspect);
  if (h === 0) h = Math.trunc(w / aspect);
  if (w === 0 && h === 0) return { width, height };
  return { width: Math.max(1, w), height: Math.max(1, h) };
}

async function renderFrame(
  source: Buffer,
  page: number,
  opts: Options,
  size: { width: number; height: number },
  turn: number,
): Promise<RawImage> {
  let pipeline = sharp(source, { page, limitInputPixels: MAX_INPUT_PIXELS });
  // Both sides set: scale to cover, then cut at the gravity (Imagick cropThumbnailImage / scale + crop).
  if (opts.width > 0 || opts.height > 0 || opts.gravity !== "center") {
    pipeline = pipeline.resize(size.width, size.height, { fit: "cover", position: POSITIONS[opts.gravity] });
  }
  let img = await toRaw(pipeline);
  const pass = async (step: (s: Sharp) => Sharp) => {
    img = await toRaw(step(fromRaw(img)));
  };

  if (opts.opacity !== 1) await pass((s) => s.linear([1, 1, 1, opts.opacity], [0, 0, 0, 0]));
  if (opts.background !== "") await pass((s) => s.flatten({ background: `#${opts.background}` }));
  if (opts.borderWidth > 0) {
    const b = opts.borderWidth;
    // Appwrite passes `#` + borderColor to Imagick; an empty colour draws black.
    await pass((s) => s.extend({ top: b, bottom: b, left: b, right: b, background: `#${opts.borderColor || "000"}` }));
  }
  if (opts.borderRadius > 0) {
    const { width, height } = img;
    const r = opts.borderRadius;
    const mask = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" rx="${r}" ry="${r}"/></svg>`;
    await pass((s) => s.composite([{ input: Buffer.from(mask), blend: "dest-in" }]));
  }
  const rotation = (opts.rotation + 360) % 360;
  if (rotation !== 0) await pass((s) => s.rotate(rotation, { background: { r: 0, g: 0, b: 0, alpha: 0 } }));
  if (turn !== 0) await pass((s) => s.rotate(turn));
  return img;
}

function encode(
  s: Sharp,
  output: OutputFormat,
  quality: number,
  animation?: { loop?: number; delay?: number[] },
): Sharp {
  // quality -1 keeps each encoder's own default, as Appwrite leaves Imagick's.
  const q = quality >= 0 ? { quality: Math.max(1, quality) } : {};
  switch (output) {
    case "jpg":
    case "jpeg":
      return s.jpeg(q);
    case "png":
      // Appwrite maps quality 0–100 onto zlib level 9–0.
      return s.png(quality >= 0 ? { compressionLevel: 9 - Math.round((quality / 100) * 9) } : {});
    case "webp":
      return s.webp({ ...q, ...animation });
    case "avif":
      // 100 would be lossless, which Appwrite avoids for AVIF.
      return s.avif(quality >= 0 ? { quality: Math.min(99, Math.max(1, quality)) } : {});
    case "gif":
      return s.gif({ ...animation });
    case "heic":
      throw new AppwriteError(
        400,
        "general_argument_invalid",
        "Invalid `output` param: heic output is not supported by the local server",
      );
  }
}

/** Renders the preview of an image file's bytes. Animated GIF/WebP stay animated when the output is gif or webp. */
export async function renderPreview(source: Buffer, opts: Options): Promise<Buffer> {
  let meta: Metadata;
  try {
    meta = await sharp(source, { animated: true, limitInputPixels: false }).metadata();
  } catch (err) {
    throw unsupported((err as Error).message);
  }
  const width = meta.width;
  const height = meta.pageHeight ?? meta.height;
  if (!width || !height) throw unsupported("The image has no dimensions.");
  if (width * height > MAX_INPUT_PIXELS) {
    throw new AppwriteError(
      400,
      "storage_image_resolution_exceeded",
      `Image resolution ${width}x${height} exceeds the maximum allowed ${MAX_INPUT_PIXELS} total pixels`,
    );
  }

  const size = cropSize(opts, width, height);
  const turn = EXIF_TURNS[meta.orientation ?? 1] ?? 0;
  const pages = meta.pages ?? 1;
  const animated = pages > 1 && (opts.output === "gif" || opts.output === "webp");

  try {
    const frames: RawImage[] = [];
    // libvips hands out each page of a GIF/WebP already composited, so frames are processed independently.
    for (let page = 0; page < (animated ? pages : 1); page++)
      frames.push(await renderFrame(source, page, opts, size, turn));
    const first = frames[0]!;
    if (frames.length === 1) return await encode(fromRaw(first), opts.output, opts.quality).toBuffer();
    const strip = sharp(Buffer.concat(frames.map((f) => f.data)), {
      raw: { width: first.width, height: first.height * frames.length, channels: 4, pageHeight: first.height },
    });
    return await encode(strip, opts.output, opts.quality, {
      loop: meta.loop ?? 0,
      ...(meta.delay ? { delay: meta.delay } : {}),
    }).toBuffer();
  } catch (err) {
    if (err instanceof AppwriteError) throw err;
    // A file that sniffed as an image but does not decode (truncated, corrupt): Appwrite answers the same.
    throw unsupported((err as Error).message);
  }
}
