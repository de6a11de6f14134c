// Where archives live on disk: `<backups>/<archiveId>/data.sqlite` (SQLite's online backup of the whole store) and
// `<backups>/<archiveId>/files/<bucketId>/<fileId>` (file bytes, on-disk mode only; in --memory mode they are rows of
// the store and travel inside data.sqlite). An archive is built under `.tmp-<archiveId>` and renamed into place only
// when complete, so a directory named after an archive is always whole.
import fsp from "node:fs/promises";
import path from "node:path";

export const DATA_FILE = "data.sqlite";

export const archiveDir = (root: string, id: string) => path.join(root, id);
export const archiveTempDir = (root: string, id: string) => path.join(root, `.tmp-${id}`);

/** Total bytes of the regular files under `dir` (0 if it does not exist). */
export async function directorySize(dir: string): Promise<number> {
  let total = 0;
  let entries;
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += await directorySize(p);
    else if (e.isFile()) total += (await fsp.stat(p)).size;
  }
  return total;
}

/**
 * Copies a bucket's stored files (not upload parts or temp files, which start with a dot) from `from` to `to`.
 * Returns the file IDs copied.
 */
export async function copyBucketFiles(from: string, to: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await fsp.readdir(from, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
  await fsp.mkdir(to, { recursive: true });
  const copied: string[] = [];
  for (const name of names) {
    if (name.startsWith(".")) continue;
    try {
      await fsp.copyFile(path.join(from, name), path.join(to, name));
      copied.push(name);
    } catch (err) {
      // Deleted after the snapshot was taken: the file is left out (and so is its row, at restore time).
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
  }
  return copied;
}

/** Flushes a directory's entries (after renames into it) so a crash cannot forget them. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await fsp.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
