import "server-only";
// The widths a photo may be asked for (`?w=` of GET /api/photos/[fileId]), and their check.
import { DomainError } from "@tenang/booking-core/errors";
import type { Locale } from "@tenang/booking-core/locale";

/**
 * The widths a page may ask for, one per avatar size photos are drawn at (ui's Avatar: sm 40, lg 72, xl 112 CSS
 * px), with room for 2.4–3.4× phone screens. A closed list, so nobody can make the server render (and Appwrite
 * bill) arbitrary sizes.
 */
export const PHOTO_WIDTHS = [96, 192, 384] as const;
export type PhotoWidth = (typeof PHOTO_WIDTHS)[number];

const widthMessages: Record<Locale, (raw: string) => string> = {
  en: (raw) => `Photo width "${raw}" is not available. Use one of: ${PHOTO_WIDTHS.join(", ")}.`,
  id: (raw) => `Lebar foto "${raw}" tidak tersedia. Gunakan salah satu dari: ${PHOTO_WIDTHS.join(", ")}.`,
};

/** The `?w=` of a photo URL: null when absent, else one of PHOTO_WIDTHS written exactly; anything else is a 400. */
export function parsePhotoWidth(raw: string | null, locale: Locale): PhotoWidth | null {
  if (raw === null) return null;
  const width = PHOTO_WIDTHS.find((w) => String(w) === raw);
  if (width !== undefined) return width;
  throw new DomainError("bad_request", `photo width ${JSON.stringify(raw)} is not one of ${PHOTO_WIDTHS.join(", ")}`, {
    issues: [{ path: "w", message: widthMessages[locale](raw) }],
  });
}
