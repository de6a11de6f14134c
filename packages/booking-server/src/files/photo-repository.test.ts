// readPhoto against the local Appwrite server through node-appwrite; previews are decoded with sharp, so the
// assertions are about the pixels a browser would get.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { Permission, Role } from "node-appwrite";
import { InputFile } from "node-appwrite/file";
import { startServer, type RunningServer } from "@tenang/appwrite-local";
import { type BookingServerContext, createBookingServerContext } from "../context";
import { readPhoto } from "./photo-repository";
import { PHOTO_WIDTHS } from "./photo-width";

const BUCKET = "photos";
let server: RunningServer;
let ctx: BookingServerContext;
let jpeg: Buffer;

beforeAll(async () => {
  server = await startServer({ memory: true, port: 0, projectId: "p", apiKey: "k" });
  ctx = createBookingServerContext({ endpoint: server.url, projectId: "p", apiKey: "k", databaseId: "unused" });
  const { storage } = ctx;
  await storage.createBucket({ bucketId: BUCKET, name: "Photos", permissions: [Permission.read(Role.any())] });
  jpeg = await sharp({
    create: {
      width: 1600,
      height: 1200,
      channels: 3,
      background: "#7a9",
      noise: { type: "gaussian", mean: 120, sigma: 30 },
    },
  })
    .jpeg({ quality: 90 })
    .toBuffer();
  await storage.createFile({ bucketId: BUCKET, fileId: "portrait", file: InputFile.fromBuffer(jpeg, "portrait.jpg") });
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><circle cx="128" cy="128" r="100"/></svg>';
  await storage.createFile({
    bucketId: BUCKET,
    fileId: "avatar",
    file: InputFile.fromBuffer(Buffer.from(svg), "avatar.svg"),
  });
  const broken = Buffer.concat([jpeg.subarray(0, 200), Buffer.alloc(100)]);
  await storage.createFile({ bucketId: BUCKET, fileId: "broken", file: InputFile.fromBuffer(broken, "broken.jpg") });
});
afterAll(() => server.close());

describe("readPhoto", () => {
  it("returns the file as uploaded without a width", async () => {
    const photo = await readPhoto(ctx, BUCKET, "portrait", null);
    expect(photo?.mimeType).toBe("image/jpeg");
    expect(Buffer.from(photo!.bytes).equals(jpeg)).toBe(true);
  });

  it.each(PHOTO_WIDTHS)("returns a WebP preview %i px wide, keeping the aspect ratio", async (width) => {
    const photo = await readPhoto(ctx, BUCKET, "portrait", width);
    expect(photo?.mimeType).toBe("image/webp");
    const meta = await sharp(Buffer.from(photo!.bytes)).metadata();
    expect(meta).toMatchObject({ format: "webp", width, height: Math.trunc((width * 3) / 4) });
    expect(photo!.bytes.byteLength).toBeLessThan(jpeg.length / 4);
  });

  it("serves an SVG as stored, since Appwrite previews only raster images", async () => {
    const photo = await readPhoto(ctx, BUCKET, "avatar", 96);
    expect(photo?.mimeType).toBe("image/svg+xml");
    expect(Buffer.from(photo!.bytes).toString()).toContain("<circle");
  });

  it("falls back to the upload when Appwrite cannot decode the image", async () => {
    const photo = await readPhoto(ctx, BUCKET, "broken", 96);
    expect(photo?.mimeType).toBe("image/jpeg");
    expect(photo!.bytes.byteLength).toBe(300);
  });

  it("returns null for a missing file, with or without a width", async () => {
    expect(await readPhoto(ctx, BUCKET, "nope", null)).toBeNull();
    expect(await readPhoto(ctx, BUCKET, "nope", 192)).toBeNull();
  });
});
