// What getFilePreview shows for a file it cannot render: Appwrite answers a 1200×800 transparent PNG icon
// (app/config/storage/logos.php: a video icon for video types, an image icon for images over the preview size
// limit, a blank-page icon for everything else) and puts it through the same transformations, on #eceff1 unless a
// background is given. These are our own drawings of the same three ideas.
import sharp from "sharp";

export type FileIcon = "file" | "image" | "video";

const GREY = "#9ca3af";

const GLYPHS: Record<FileIcon, string> = {
  file: `<path d="M520 220h140l100 100v220a40 40 0 0 1-40 40H520a40 40 0 0 1-40-40V260a40 40 0 0 1 40-40z" fill="${GREY}"/>
         <path d="M660 220v80a20 20 0 0 0 20 20h80z" fill="#ffffff" fill-opacity="0.6"/>`,
  image: `<rect x="430" y="230" width="340" height="300" rx="40" fill="${GREY}"/>
          <path d="M470 480l90-150 60 100 40-60 70 110z" fill="#ffffff"/>`,
  video: `<rect x="430" y="250" width="340" height="260" rx="40" fill="${GREY}"/>
          <path d="M565 320v120l100-60z" fill="#ffffff"/>`,
};

const rendered = new Map<FileIcon, Promise<Buffer>>();

/** The icon as a PNG, rendered once per process from our own SVG (never from user content). */
export function fileIconPng(icon: FileIcon): Promise<Buffer> {
  let png = rendered.get(icon);
  if (!png) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">${GLYPHS[icon]}</svg>`;
    png = sharp(Buffer.from(svg)).png().toBuffer();
    rendered.set(icon, png);
  }
  return png;
}

/** Which icon Appwrite's logos.php maps a MIME type to. */
export function iconForMimeType(mimeType: string): FileIcon {
  return VIDEO_TYPES.has(mimeType) ? "video" : "file";
}

const VIDEO_TYPES = new Set([
  "video/mp4",
  "video/x-flv",
  "video/webm",
  "application/x-mpegURL",
  "video/MP2T",
  "video/3gpp",
  "video/quicktime",
  "video/x-msvideo",
  "video/x-ms-wmv",
]);
