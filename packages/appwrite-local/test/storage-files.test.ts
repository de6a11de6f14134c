// Files through node-appwrite: small and chunked uploads, content round-trips, permissions and errors.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ID, Permission, Query, Role, Storage } from "node-appwrite";
import { InputFile } from "node-appwrite/file";
import { expectAppwriteError, PROJECT_ID, startTestServer, tempDataDir, type TestServer } from "./support/server.ts";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000200e2265fb00000000049454e44ae426082",
  "hex",
);

let t: TestServer;
let admin: Storage;
beforeAll(async () => {
  t = await startTestServer();
  admin = new Storage(t.admin());
  await admin.createBucket({
    bucketId: "public",
    name: "Public",
    permissions: [Permission.read(Role.any()), Permission.create(Role.users())],
  });
  await admin.createBucket({
    bucketId: "private",
    name: "Private",
    fileSecurity: true,
    permissions: [Permission.create(Role.users())],
  });
});
afterAll(() => t.close());

const md5 = (b: Buffer) => createHash("md5").update(b).digest("hex");

describe("small uploads", () => {
  it("uploads, reads metadata, and round-trips bytes through view and download", async () => {
    const file = await admin.createFile({
      bucketId: "public",
      fileId: "logo",
      file: InputFile.fromBuffer(PNG, "logo.png"),
    });
    expect(file).toMatchObject({
      $id: "logo",
      bucketId: "public",
      name: "logo.png",
      mimeType: "image/png",
      sizeOriginal: PNG.length,
      chunksTotal: 1,
      chunksUploaded: 1,
      signature: md5(PNG),
      $permissions: [],
    });
    expect(await admin.getFile({ bucketId: "public", fileId: "logo" })).toMatchObject({
      $id: "logo",
      mimeType: "image/png",
    });
    expect(Buffer.from(await admin.getFileView({ bucketId: "public", fileId: "logo" }))).toEqual(PNG);
    expect(Buffer.from(await admin.getFileDownload({ bucketId: "public", fileId: "logo" }))).toEqual(PNG);
  });

  it("serves the headers browsers rely on (checked with fetch; the SDK does not expose headers)", async () => {
    await admin.createFile({
      bucketId: "public",
      fileId: "notes",
      file: InputFile.fromPlainText("hello notes", "notes.txt"),
    });
    const base = `${t.url}/storage/buckets/public/files`;
    const view = await fetch(`${base}/logo/view?project=${PROJECT_ID}`);
    expect(view.headers.get("content-type")).toBe("image/png");
    expect(view.headers.get("content-disposition")).toBe('inline; filename="logo.png"');
    const download = await fetch(`${base}/notes/download?project=${PROJECT_ID}`);
    expect(download.headers.get("content-type")).toBe("text/plain");
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="notes.txt"');
    const range = await fetch(`${base}/notes/view?project=${PROJECT_ID}`, { headers: { range: "bytes=0-4" } });
    expect(range.status).toBe(206);
    expect(range.headers.get("content-range")).toBe("bytes 0-4/11");
    expect(await range.text()).toBe("hello");
  });

  it("generates IDs for unique(), lists with search and queries, and updates name and permissions", async () => {
    const created = await admin.createFile({
      bucketId: "public",
      fileId: ID.unique(),
      file: InputFile.fromPlainText("report", "Quarterly Report.txt"),
    });
    expect(created.$id).toMatch(/^[0-9a-f]{20}$/);
    expect((await admin.listFiles({ bucketId: "public", search: "quarterly" })).files.map((f) => f.$id)).toEqual([
      created.$id,
    ]);
    const pngs = await admin.listFiles({ bucketId: "public", queries: [Query.equal("mimeType", ["image/png"])] });
    expect(pngs.files.map((f) => f.$id)).toEqual(["logo"]);

    const updated = await admin.updateFile({
      bucketId: "public",
      fileId: created.$id,
      name: "renamed.txt",
      permissions: [Permission.read(Role.users())],
    });
    expect(updated).toMatchObject({ name: "renamed.txt", $permissions: ['read("users")'] });
    await admin.deleteFile({ bucketId: "public", fileId: created.$id });
    const gone = await expectAppwriteError(() => admin.getFile({ bucketId: "public", fileId: created.$id }));
    expect(gone).toMatchObject({ code: 404, type: "storage_file_not_found" });
  });

  it("answers upload errors with Appwrite's types", async () => {
    await admin.createBucket({
      bucketId: "strict",
      name: "Strict",
      maximumFileSize: 10,
      allowedFileExtensions: ["jpg", "png"],
    });
    const dup = await expectAppwriteError(() =>
      admin.createFile({ bucketId: "public", fileId: "logo", file: InputFile.fromBuffer(PNG, "logo.png") }),
    );
    expect(dup).toMatchObject({ code: 409, type: "storage_file_already_exists" });
    const ext = await expectAppwriteError(() =>
      admin.createFile({ bucketId: "strict", fileId: ID.unique(), file: InputFile.fromPlainText("x", "x.txt") }),
    );
    expect(ext).toMatchObject({ code: 400, type: "storage_file_type_unsupported" });
    const size = await expectAppwriteError(() =>
      admin.createFile({ bucketId: "strict", fileId: ID.unique(), file: InputFile.fromBuffer(PNG, "big.png") }),
    );
    expect(size).toMatchObject({ code: 400, type: "storage_invalid_file_size" });
    const bucket = await expectAppwriteError(() =>
      admin.createFile({ bucketId: "nope", fileId: ID.unique(), file: InputFile.fromBuffer(PNG, "a.png") }),
    );
    expect(bucket).toMatchObject({ code: 404, type: "storage_bucket_not_found" });
    const badId = await expectAppwriteError(() =>
      admin.createFile({ bucketId: "public", fileId: "-bad", file: InputFile.fromBuffer(PNG, "a.png") }),
    );
    expect(badId).toMatchObject({ code: 400, type: "general_argument_invalid" });
  });
});

describe("chunked uploads", () => {
  async function roundTrip(target: TestServer) {
    const storage = new Storage(target.admin());
    await storage.createBucket({ bucketId: "big", name: "Big" }).catch(() => undefined);
    const data = randomBytes(12 * 1024 * 1024 + 321); // three 5 MB chunks
    const progress: number[] = [];
    const file = await storage.createFile({
      bucketId: "big",
      fileId: ID.unique(),
      file: InputFile.fromBuffer(data, "video.bin"),
      onProgress: (p) => progress.push(p.chunksUploaded),
    });
    expect(progress.sort()).toEqual([1, 2, 3]);
    expect(file).toMatchObject({ chunksTotal: 3, chunksUploaded: 3, sizeOriginal: data.length, signature: md5(data) });
    expect(Buffer.from(await storage.getFileDownload({ bucketId: "big", fileId: file.$id })).equals(data)).toBe(true);
    return file;
  }

  it("accepts the SDK's parallel 5 MB chunks in memory mode", async () => {
    await roundTrip(t);
  });

  it("assembles chunks on disk, leaving only the finished file", async () => {
    const { dir, cleanup } = tempDataDir();
    const disk = await startTestServer({ dataDir: dir });
    try {
      const file = await roundTrip(disk);
      const { readdirSync, statSync } = await import("node:fs");
      const bucketDir = `${dir}/files/big`;
      expect(statSync(`${bucketDir}/${file.$id}`).size).toBe(file.sizeOriginal);
      expect(readdirSync(bucketDir).filter((n) => n.startsWith(".tmp"))).toEqual([]);
    } finally {
      await disk.close();
      cleanup();
    }
  });
});

describe("permissions", () => {
  it("lets users create in buckets that grant it, owning their files by default", async () => {
    const u = await t.signUp();
    const file = await new Storage(u.client).createFile({
      bucketId: "private",
      fileId: ID.unique(),
      file: InputFile.fromPlainText("mine", "mine.txt"),
    });
    expect(file.$permissions).toEqual([
      `read("user:${u.userId}")`,
      `update("user:${u.userId}")`,
      `delete("user:${u.userId}")`,
    ]);
    expect(
      Buffer.from(await new Storage(u.client).getFileDownload({ bucketId: "private", fileId: file.$id })).toString(),
    ).toBe("mine");
  });

  it("hides other users' files under fileSecurity (404 / filtered lists) and refuses their writes (401)", async () => {
    const owner = await t.signUp();
    const stranger = await t.signUp();
    const mine = new Storage(owner.client);
    const theirs = new Storage(stranger.client);
    const file = await mine.createFile({
      bucketId: "private",
      fileId: ID.unique(),
      file: InputFile.fromPlainText("secret", "s.txt"),
    });

    expect(await expectAppwriteError(() => theirs.getFile({ bucketId: "private", fileId: file.$id }))).toMatchObject({
      code: 404,
      type: "storage_file_not_found",
    });
    expect((await expectAppwriteError(() => theirs.getFileView({ bucketId: "private", fileId: file.$id }))).code).toBe(
      404,
    );
    expect((await theirs.listFiles({ bucketId: "private" })).files.map((f) => f.$id)).not.toContain(file.$id);
    expect((await mine.listFiles({ bucketId: "private" })).files.map((f) => f.$id)).toContain(file.$id);
    expect(
      await expectAppwriteError(() => theirs.updateFile({ bucketId: "private", fileId: file.$id, name: "pwned" })),
    ).toMatchObject({ code: 401, type: "user_unauthorized" });
    expect(await expectAppwriteError(() => theirs.deleteFile({ bucketId: "private", fileId: file.$id }))).toMatchObject(
      { code: 401, type: "user_unauthorized" },
    );
    await mine.deleteFile({ bucketId: "private", fileId: file.$id });
  });

  it("refuses granting roles the caller does not hold", async () => {
    const u = await t.signUp();
    const err = await expectAppwriteError(() =>
      new Storage(u.client).createFile({
        bucketId: "private",
        fileId: ID.unique(),
        file: InputFile.fromPlainText("x", "x.txt"),
        permissions: [Permission.read(Role.user("someone-else"))],
      }),
    );
    expect(err).toMatchObject({ code: 401, type: "user_unauthorized" });
    expect(err.message).toContain("Permissions must be one of");
  });

  it("applies bucket-level permissions without fileSecurity", async () => {
    const guest = new Storage(t.guest());
    expect((await guest.getFile({ bucketId: "public", fileId: "logo" })).$id).toBe("logo");
    const create = await expectAppwriteError(() =>
      guest.createFile({ bucketId: "public", fileId: ID.unique(), file: InputFile.fromPlainText("x", "x.txt") }),
    );
    expect(create).toMatchObject({ code: 401, type: "user_unauthorized" });
    const del = await expectAppwriteError(() => guest.deleteFile({ bucketId: "public", fileId: "logo" }));
    expect(del).toMatchObject({ code: 401, type: "user_unauthorized" });
    await admin.createBucket({ bucketId: "no-read", name: "No read" });
    await admin.createFile({ bucketId: "no-read", fileId: "f", file: InputFile.fromPlainText("x", "x.txt") });
    expect(await expectAppwriteError(() => guest.getFile({ bucketId: "no-read", fileId: "f" }))).toMatchObject({
      code: 401,
      type: "user_unauthorized",
    });
  });

  it("hides disabled buckets from everyone but API keys", async () => {
    await admin.createBucket({
      bucketId: "off",
      name: "Off",
      enabled: false,
      permissions: [Permission.read(Role.any())],
    });
    await admin.createFile({ bucketId: "off", fileId: "f", file: InputFile.fromPlainText("x", "x.txt") });
    expect(
      await expectAppwriteError(() => new Storage(t.guest()).getFile({ bucketId: "off", fileId: "f" })),
    ).toMatchObject({ code: 404, type: "storage_bucket_not_found" });
    expect((await admin.getFile({ bucketId: "off", fileId: "f" })).$id).toBe("f");
  });
});
