import "server-only";

/** Photos reach the browser through GET /api/photos/[fileId], never from Appwrite directly. */
export function photoUrl(fileId: string | null): string | null {
  return fileId ? `/api/photos/${encodeURIComponent(fileId)}` : null;
}
