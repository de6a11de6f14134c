// Rendered previews, kept so a page full of thumbnails does not re-encode the same image on every request.
// Appwrite caches previews too (route label `cache`, answering `X-Appwrite-Cache: hit|miss`); ours lives in memory,
// bounded by bytes, least recently used out first. Keys include the file's signature and creation time, so a file
// deleted and uploaded again under the same ID never gets the old preview.
export interface CachedPreview {
  data: Buffer;
  contentType: string;
}

export class PreviewCache {
  private readonly entries = new Map<string, CachedPreview>();
  private bytes = 0;

  constructor(
    private readonly maxBytes = 64 * 1024 * 1024,
    private readonly maxEntryBytes = 4 * 1024 * 1024,
  ) {}

  get(key: string): CachedPreview | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert to mark it most recently used (Map keeps insertion order).
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: CachedPreview): void {
    if (value.data.length > this.maxEntryBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.data.length;
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.bytes += value.data.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.data.length;
    }
  }
}
