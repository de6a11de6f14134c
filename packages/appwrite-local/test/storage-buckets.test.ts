// Buckets through node-appwrite's Storage service.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Compression, Permission, Query, Role, Storage } from "node-appwrite";
import { InputFile } from "node-appwrite/file";
import { expectAppwriteError, startTestServer, type TestServer } from "./support/server.ts";

let t: TestServer;
let storage: Storage;
beforeAll(async () => {
  t = await startTestServer();
  storage = new Storage(t.admin());
});
afterAll(() => t.close());

describe("buckets", () => {
  it("creates a bucket echoing every setting, with Appwrite's defaults", async () => {
    const bucket = await storage.createBucket({ bucketId: "avatars", name: "Avatars" });
    expect(bucket).toMatchObject({
      $id: "avatars",
      name: "Avatars",
      $permissions: [],
      fileSecurity: false,
      enabled: true,
      allowedFileExtensions: [],
      compression: "none",
      encryption: true,
      antivirus: true,
      transformations: true,
      totalSize: 0,
    });
    const custom = await storage.createBucket({
      bucketId: "docs",
      name: "Docs",
      permissions: [Permission.read(Role.users()), Permission.write(Role.user("abc"))],
      fileSecurity: true,
      enabled: false,
      maximumFileSize: 1000,
      allowedFileExtensions: ["pdf"],
      compression: Compression.Gzip,
      encryption: false,
      antivirus: false,
    });
    expect(custom).toMatchObject({
      $permissions: ['read("users")', 'create("user:abc")', 'update("user:abc")', 'delete("user:abc")'],
      fileSecurity: true,
      enabled: false,
      maximumFileSize: 1000,
      allowedFileExtensions: ["pdf"],
      compression: "gzip",
      encryption: false,
      antivirus: false,
    });
  });

  it("rejects duplicates (409) and unknown buckets (404)", async () => {
    await storage.createBucket({ bucketId: "dup-bucket", name: "x" });
    const dup = await expectAppwriteError(() => storage.createBucket({ bucketId: "dup-bucket", name: "x" }));
    expect(dup).toMatchObject({ code: 409, type: "storage_bucket_already_exists" });
    const missing = await expectAppwriteError(() => storage.getBucket({ bucketId: "no-bucket" }));
    expect(missing).toMatchObject({ code: 404, type: "storage_bucket_not_found" });
    const badPerm = await expectAppwriteError(() =>
      storage.createBucket({ bucketId: "bad-perm", name: "x", permissions: ['read("nobody here")'] }),
    );
    expect(badPerm).toMatchObject({ code: 400, type: "general_argument_invalid" });
  });

  it("lists with search and queries; updates reset omitted settings like Appwrite's PUT", async () => {
    await storage.createBucket({ bucketId: "list-one", name: "Receipts", fileSecurity: true });
    await storage.createBucket({ bucketId: "list-two", name: "Photos" });
    expect((await storage.listBuckets({ search: "receipts" })).buckets.map((b) => b.$id)).toEqual(["list-one"]);
    const secured = await storage.listBuckets({
      queries: [Query.equal("fileSecurity", [true]), Query.startsWith("$id", "list-")],
    });
    expect(secured.buckets.map((b) => b.$id)).toEqual(["list-one"]);

    const updated = await storage.updateBucket({
      bucketId: "list-one",
      name: "Receipts 2",
      permissions: [Permission.read(Role.any())],
    });
    expect(updated).toMatchObject({ name: "Receipts 2", fileSecurity: false, $permissions: ['read("any")'] });
    const keep = await storage.updateBucket({ bucketId: "list-one", name: "Receipts 3" });
    expect(keep.$permissions).toEqual(['read("any")']);
  });

  it("reports totalSize and deletes a bucket with its files", async () => {
    await storage.createBucket({ bucketId: "sized", name: "Sized" });
    await storage.createFile({
      bucketId: "sized",
      fileId: "a",
      file: InputFile.fromBuffer(Buffer.alloc(1234), "a.bin"),
    });
    expect((await storage.getBucket({ bucketId: "sized" })).totalSize).toBe(1234);
    await storage.deleteBucket({ bucketId: "sized" });
    expect((await expectAppwriteError(() => storage.getBucket({ bucketId: "sized" }))).code).toBe(404);
    expect((await expectAppwriteError(() => storage.getFile({ bucketId: "sized", fileId: "a" }))).type).toBe(
      "storage_bucket_not_found",
    );
  });

  it("is API-key only (buckets.* scopes)", async () => {
    const u = await t.signUp();
    const err = await expectAppwriteError(() => new Storage(u.client).createBucket({ bucketId: "mine", name: "x" }));
    expect(err).toMatchObject({ code: 401, type: "general_unauthorized_scope" });
    expect((await expectAppwriteError(() => new Storage(t.guest()).listBuckets())).type).toBe(
      "general_unauthorized_scope",
    );
  });
});
