// Renders the PWA icons of the customer site and the therapist dashboard (public/icons/*.png, referenced by each
// app's src/app/manifest.ts, and src/app/apple-icon.png) from the leaf mark in src/app/icon.svg. Run once after changing the mark:
//   node scripts/make-app-icons.mjs
// sharp comes from appwrite-local's dependencies (it already renders image previews there).
import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const sharp = createRequire(join(root, "packages/appwrite-local/package.json"))("sharp");

const leaf = '<path d="M16 5c4.7 3.8 7 7.8 7 12a7 7 0 0 1-14 0c0-4.2 2.3-8.2 7-12z" fill="#fbf9f6"/>';
// "any": the rounded tile as in the favicon. "maskable": full-bleed background, the mark inside the 80 % safe zone,
// so a launcher's circle or squircle crop never cuts it.
const any = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#1f7a68"/>${leaf}</svg>`;
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#1f7a68"/><g transform="translate(3.2 3.2) scale(0.8)">${leaf}</g></svg>`;
// Android's status-bar badge: white on transparent, the shape only.
const badge = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M16 3c5.4 4.4 8 9 8 13.8a8 8 0 0 1-16 0C8 12 10.6 7.4 16 3z" fill="#fff"/></svg>`;

const icons = [
  ["icon-192.png", any, 192],
  ["icon-512.png", any, 512],
  ["maskable-512.png", maskable, 512],
  ["badge-96.png", badge, 96],
];

for (const app of ["customer", "therapist-dashboard"]) {
  const dir = join(root, "apps", app, "public", "icons");
  mkdirSync(dir, { recursive: true });
  for (const [name, svg, size] of icons) {
    await sharp(Buffer.from(svg), { density: (72 * size) / 32 })
      .resize(size, size)
      .png({ compressionLevel: 9, palette: true })
      .toFile(join(dir, name));
  }
  // Next's file convention: src/app/apple-icon.png becomes the page's <link rel="apple-touch-icon">.
  await sharp(Buffer.from(maskable), { density: (72 * 180) / 32 })
    .resize(180, 180)
    .png({ compressionLevel: 9, palette: true })
    .toFile(join(root, "apps", app, "src", "app", "apple-icon.png"));
}
console.log("icons written to apps/*/public/icons");
