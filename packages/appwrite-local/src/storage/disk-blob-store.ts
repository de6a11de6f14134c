// File bytes on disk: `<root>/<bucket>/<fileId>`, with upload parts under `<root>/<bucket>/.parts/<fileId>/<n>`.
// Every file appears by rename from a temp file in the same directory, so a crash never leaves a half-written
// file in place. IDs are validated (`[A-Za-z0-9][A-Za-z0-9._-]*`), so they cannot escape the root or start with
// the dot our temp names use.
import fsp from "node:fs/promises";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { HEAD_BYTES, type BlobStore, type FinalizedBlob } from "./blob-store.ts";

export class DiskBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private bucketDir(bucketId: string) {
    return path.join(this.root, bucketId);
  }

  private partsDir(bucketId: string, fileId: string) {
    return path.join(this.bucketDir(bucketId), ".parts", fileId);
  }

  private filePath(bucketId: string, fileId: string) {
    return path.join(this.bucketDir(bucketId), fileId);
  }

  private tempPath(dir: string, name: string) {
    return path.join(dir, `.tmp-${name}-${randomBytes(6).toString("hex")}`);
  }

  async writePart(bucketId: string, fileId: string, part: number, data: Buffer): Promise<void> {
    const dir = this.partsDir(bucketId, fileId);
    await fsp.mkdir(dir, { recursive: true });
    const tmp = this.tempPath(dir, String(part));
    await fsp.writeFile(tmp, data);
    await fsp.rename(tmp, path.join(dir, String(part)));
  }

  async finalize(bucketId: string, fileId: string, parts: number): Promise<FinalizedBlob> {
    const dir = this.bucketDir(bucketId);
    const tmp = this.tempPath(dir, fileId);
    const md5 = createHash("md5");
    let size = 0;
    let head = Buffer.alloc(0);
    const out = await fsp.open(tmp, "w");
    try {
      // Parts are at most one chunk (5 MB) each, so reading them whole keeps this simple without much memory.
      for (let i = 1; i <= parts; i++) {
        const buf = await fsp.readFile(path.join(this.partsDir(bucketId, fileId), String(i)));
        md5.update(buf);
        size += buf.length;
        if (head.length < HEAD_BYTES) head = Buffer.concat([head, buf.subarray(0, HEAD_BYTES - head.length)]);
        await out.write(buf);
      }
      await out.datasync();
      await out.close();
      await fsp.rename(tmp, this.filePath(bucketId, fileId));
    } catch (err) {
      await out.close().catch(() => undefined);
      await fsp.rm(tmp, { force: true });
      throw err;
    }
    await fsp.rm(this.partsDir(bucketId, fileId), { recursive: true, force: true });
    return { size, md5: md5.digest("hex"), head };
  }

  async read(bucketId: string, fileId: string, range?: { start: number; end: number }): Promise<Buffer> {
    const file = this.filePath(bucketId, fileId);
    if (!range) return fsp.readFile(file);
    const handle = await fsp.open(file, "r");
    try {
      const buf = Buffer.alloc(range.end - range.start + 1);
      const { bytesRead } = await handle.read(buf, 0, buf.length, range.start);
      return buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async delete(bucketId: string, fileId: string): Promise<void> {
    await fsp.rm(this.filePath(bucketId, fileId), { force: true });
    await fsp.rm(this.partsDir(bucketId, fileId), { recursive: true, force: true });
  }

  async deleteBucket(bucketId: string): Promise<void> {
    await fsp.rm(this.bucketDir(bucketId), { recursive: true, force: true });
  }
}
