// getFilePreview through node-appwrite and the web SDK's preview URL: every result is decoded with sharp, so the
// assertions are about real pixels, sizes and formats, not about bytes the server echoed.
import "./support/web-sdk-env.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { Client as WebClient, ImageFormat as WebImageFormat, Storage as WebStorage } from "appwrite";
import { ImageFormat, ImageGravity, Permission, Role, Storage } from "node-appwrite";
import { InputFile } from "node-appwrite/file";
import { expectAppwriteError, PROJECT_ID, startTestServer, type TestServer } from "./support/server.ts";

const RED = { r: 255, g: 0, b: 0, alpha: 1 };
const BLUE = { r: 0, g: 0, b: 255, alpha: 1 };

/** 400×200, red left half and blue right half: where a crop lands shows in the colour of its pixels. */
async function halves(): Promise<Buffer> {
  const blue = await sharp({ create: { width: 200, height: 200, channels: 3, background: BLUE } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 400, height: 200, channels: 3, background: RED } })
    .composite([{ input: blue, left: 200, top: 0 }])
    .png()
    .toBuffer();
}

/** A photo-like JPEG (noise compresses differently at each quality). */
function noisyJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: { r: 120, g: 160, b: 90 },
      noise: { type: "gaussian", mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 95 })
    .toBuffer();
}

async function decode(data: ArrayBuffer | Buffer) {
  const buf = Buffer.from(data as ArrayBuffer);
  const meta = await sharp(buf, { animated: true }).metadata();
  return {
    buf,
    format: meta.format,
    width: meta.width,
    height: meta.pageHeight ?? meta.height,
    pages: meta.pages ?? 1,
  };
}

async function pixel(data: ArrayBuffer | Buffer, x: number, y: number): Promise<number[]> {
  const { data: raw, info } = await sharp(Buffer.from(data as ArrayBuffer))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * 4;
  return [raw[i]!, raw[i + 1]!, raw[i + 2]!, raw[i + 3]!];
}

function near(actual: number[], expected: number[], tolerance = 8): void {
  expect(actual.map((v, i) => Math.abs(v - expected[i]!) <= tolerance)).toEqual(expected.map(() => true));
}

let t: TestServer;
let admin: Storage;
beforeAll(async () => {
  t = await startTestServer();
  admin = new Storage(t.admin());
  await admin.createBucket({ bucketId: "photos", name: "Photos", permissions: [Permission.read(Role.any())] });
  const put = (fileId: string, data: Buffer, name: string) =>
    admin.createFile({ bucketId: "photos", fileId, file: InputFile.fromBuffer(data, name) });
  await put("halves", await halves(), "halves.png");
  await put("photo", await noisyJpeg(1200, 900), "photo.jpeg");
  await put("noext", await halves(), "halves");
  await put("odd-ext", await halves(), "halves.dat");
  const transparent = await sharp({
    create: { width: 40, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
  })
    .png()
    .toBuffer();
  await put("clear", transparent, "clear.png");
  // Stored 40×20 but marked "rotate 90° clockwise to display" (EXIF orientation 6), as phone cameras write.
  await put(
    "turned",
    await sharp({ create: { width: 40, height: 20, channels: 3, background: RED } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer(),
    "turned.jpg",
  );
  const frames = [RED, BLUE, { r: 0, g: 255, b: 0, alpha: 1 }].map((c) =>
    Buffer.alloc(60 * 30 * 4).fill(Buffer.from([c.r, c.g, c.b, 255])),
  );
  await put(
    "anim",
    await sharp(Buffer.concat(frames), { raw: { width: 60, height: 90, channels: 4, pageHeight: 30 } })
      .gif({ delay: [100, 100, 100] })
      .toBuffer(),
    "anim.gif",
  );
  await put(
    "vector",
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>',
    ),
    "logo.svg",
  );
  await put("notes", Buffer.from("plain words, not pixels"), "notes.txt");
  await put("broken", Buffer.concat([(await halves()).subarray(0, 60), Buffer.alloc(200, 7)]), "broken.png");
});
afterAll(() => t.close());

describe("resizing", () => {
  it("keeps the aspect ratio when only one side is given", async () => {
    expect(
      await decode(await admin.getFilePreview({ bucketId: "photos", fileId: "halves", width: 100 })),
    ).toMatchObject({ format: "png", width: 100, height: 50 });
    expect(
      await decode(await admin.getFilePreview({ bucketId: "photos", fileId: "halves", height: 50 })),
    ).toMatchObject({ width: 100, height: 50 });
    // Appwrite truncates the computed side: 1200×900 at width 96 is 96×72.
    expect(await decode(await admin.getFilePreview({ bucketId: "photos", fileId: "photo", width: 96 }))).toMatchObject({
      format: "jpeg",
      width: 96,
      height: 72,
    });
  });

  it("returns the original size when neither side is given", async () => {
    expect(await decode(await admin.getFilePreview({ bucketId: "photos", fileId: "photo" }))).toMatchObject({
      format: "jpeg",
      width: 1200,
      height: 900,
    });
  });

  it("covers both sides and crops at the gravity", async () => {
    const crop = (gravity?: ImageGravity) =>
      admin.getFilePreview({ bucketId: "photos", fileId: "halves", width: 100, height: 100, gravity });
    const center = await crop();
    expect(await decode(center)).toMatchObject({ width: 100, height: 100 });
    // Scaled to 200×100 then cut in the middle: red on the left, blue on the right.
    near(await pixel(center, 5, 50), [255, 0, 0, 255]);
    near(await pixel(center, 95, 50), [0, 0, 255, 255]);
    near(await pixel(await crop(ImageGravity.Left), 95, 50), [255, 0, 0, 255]);
    near(await pixel(await crop(ImageGravity.Bottomright), 5, 50), [0, 0, 255, 255]);
  });

  it("enlarges when asked for more pixels than the image has", async () => {
    expect(
      await decode(await admin.getFilePreview({ bucketId: "photos", fileId: "halves", width: 800 })),
    ).toMatchObject({ width: 800, height: 400 });
  });

  it("turns by the EXIF orientation after cropping, as Appwrite does", async () => {
    // The crop works on the stored 40×20 pixels (width 20 → 20×10); the 90° turn comes last.
    expect(await decode(await admin.getFilePreview({ bucketId: "photos", fileId: "turned", width: 20 }))).toMatchObject(
      { width: 10, height: 20 },
    );
  });
});

describe("output formats and quality", () => {
  it("encodes the requested format", async () => {
    for (const [output, format] of [
      [ImageFormat.Webp, "webp"],
      [ImageFormat.Jpg, "jpeg"],
      [ImageFormat.Jpeg, "jpeg"],
      [ImageFormat.Png, "png"],
      [ImageFormat.Gif, "gif"],
      [ImageFormat.Avif, "heif"],
    ] as const) {
      expect(
        await decode(await admin.getFilePreview({ bucketId: "photos", fileId: "photo", width: 64, output })),
      ).toMatchObject({ format, width: 64, height: 48 });
    }
  });

  it("defaults to the file's extension, then its MIME type, else jpg", async () => {
    expect((await decode(await admin.getFilePreview({ bucketId: "photos", fileId: "noext", width: 10 }))).format).toBe(
      "png",
    );
    expect(
      (await decode(await admin.getFilePreview({ bucketId: "photos", fileId: "odd-ext", width: 10 }))).format,
    ).toBe("jpeg");
  });

  it("makes smaller files at lower quality", async () => {
    const size = async (quality: number) =>
      (
        await admin.getFilePreview({
          bucketId: "photos",
          fileId: "photo",
          width: 600,
          output: ImageFormat.Webp,
          quality,
        })
      ).byteLength;
    expect(await size(20)).toBeLessThan((await size(95)) * 0.6);
  });

  it("keeps GIF and WebP animations, and takes the first frame for still formats", async () => {
    expect(await decode(await admin.getFilePreview({ bucketId: "photos", fileId: "anim", width: 30 }))).toMatchObject({
      format: "gif",
      width: 30,
      height: 15,
      pages: 3,
    });
    expect(
      await decode(
        await admin.getFilePreview({ bucketId: "photos", fileId: "anim", width: 30, output: ImageFormat.Webp }),
      ),
    ).toMatchObject({ format: "webp", pages: 3 });
    const still = await admin.getFilePreview({
      bucketId: "photos",
      fileId: "anim",
      width: 30,
      output: ImageFormat.Png,
    });
    expect(await decode(still)).toMatchObject({ format: "png", pages: 1 });
    near(await pixel(still, 15, 7), [255, 0, 0, 255]);
  });
});

describe("effects", () => {
  it("fills transparency with the background and applies opacity", async () => {
    near(
      await pixel(await admin.getFilePreview({ bucketId: "photos", fileId: "clear", background: "00ff00" }), 20, 20),
      [0, 255, 0, 255],
    );
    const faded = await admin.getFilePreview({
      bucketId: "photos",
      fileId: "halves",
      opacity: 0.5,
      output: ImageFormat.Png,
    });
    near(await pixel(faded, 10, 10), [255, 0, 0, 128], 2);
  });

  it("adds a border, rounds corners and rotates", async () => {
    const bordered = await admin.getFilePreview({
      bucketId: "photos",
      fileId: "halves",
      width: 100,
      borderWidth: 5,
      borderColor: "00ff00",
    });
    expect(await decode(bordered)).toMatchObject({ width: 110, height: 60 });
    near(await pixel(bordered, 2, 30), [0, 255, 0, 255]);

    const rounded = await admin.getFilePreview({ bucketId: "photos", fileId: "halves", width: 100, borderRadius: 20 });
    expect((await pixel(rounded, 0, 0))[3]).toBe(0);
    near(await pixel(rounded, 25, 25), [255, 0, 0, 255]);

    expect(
      await decode(await admin.getFilePreview({ bucketId: "photos", fileId: "halves", width: 100, rotation: 90 })),
    ).toMatchObject({ width: 50, height: 100 });
    expect(
      await decode(await admin.getFilePreview({ bucketId: "photos", fileId: "halves", width: 100, rotation: -270 })),
    ).toMatchObject({ width: 50, height: 100 });
    const tilted = await decode(
      await admin.getFilePreview({ bucketId: "photos", fileId: "halves", width: 100, rotation: 45 }),
    );
    expect(tilted.width).toBeGreaterThan(100);
  });
});

describe("files that are not images", () => {
  it("answers a file-type icon for SVG and other non-image files, never rendering the SVG", async () => {
    // Appwrite's preview inputs are jpg/png/gif/webp/heic: an SVG gets the icon like any document.
    const svg = await admin.getFilePreview({ bucketId: "photos", fileId: "vector" });
    expect(await decode(svg)).toMatchObject({ format: "png", width: 1200, height: 800 });
    near(await pixel(svg, 5, 5), [0xec, 0xef, 0xf1, 255], 1);
    expect(await decode(await admin.getFilePreview({ bucketId: "photos", fileId: "notes", width: 120 }))).toMatchObject(
      { format: "png", width: 120, height: 80 },
    );
    expect(
      await decode(
        await admin.getFilePreview({
          bucketId: "photos",
          fileId: "notes",
          width: 64,
          height: 64,
          output: ImageFormat.Webp,
        }),
      ),
    ).toMatchObject({ format: "webp", width: 64, height: 64 });
  });

  it("answers storage_file_type_unsupported for an image that does not decode", async () => {
    const err = await expectAppwriteError(() =>
      admin.getFilePreview({ bucketId: "photos", fileId: "broken", width: 10 }),
    );
    expect(err).toMatchObject({ code: 400, type: "storage_file_type_unsupported" });
  });
});

describe("parameters", () => {
  it("rejects values outside Appwrite's ranges and lists", async () => {
    const bad = (params: Record<string, unknown>) =>
      expectAppwriteError(() => admin.getFilePreview({ bucketId: "photos", fileId: "halves", ...params }));
    expect(await bad({ width: 4001 })).toMatchObject({
      code: 400,
      type: "general_argument_invalid",
      message: "Invalid `width` param: Value must be a valid range between 0 and 4,000",
    });
    expect((await bad({ quality: 101 })).message).toBe(
      "Invalid `quality` param: Value must be a valid range between -1 and 100",
    );
    expect((await bad({ gravity: "middle" })).message).toBe(
      "Invalid `gravity` param: Value must be one of (center, top-left, top, top-right, left, right, bottom-left, bottom, bottom-right)",
    );
    expect((await bad({ output: "bmp" })).message).toBe(
      "Invalid `output` param: Value must be one of (jpg, jpeg, png, webp, heic, avif, gif)",
    );
    expect((await bad({ borderColor: "red" })).message).toBe(
      "Invalid `borderColor` param: Value must be a valid Hex color code",
    );
    expect((await bad({ opacity: 2 })).message).toBe(
      "Invalid `opacity` param: Value must be a valid range between 0 and 1",
    );
    expect((await bad({ rotation: 361 })).type).toBe("general_argument_invalid");
    // Appwrite encodes HEIC; the local server's libvips cannot, and says so.
    expect(await bad({ output: ImageFormat.Heic })).toMatchObject({ code: 400, type: "general_argument_invalid" });
  });

  it("refuses previews to users where the bucket disables transformations, but not to API keys", async () => {
    await admin.createBucket({
      bucketId: "raw",
      name: "Raw",
      transformations: false,
      permissions: [Permission.read(Role.any())],
    });
    await admin.createFile({ bucketId: "raw", fileId: "p", file: InputFile.fromBuffer(await halves(), "p.png") });
    const err = await expectAppwriteError(() =>
      new Storage(t.guest()).getFilePreview({ bucketId: "raw", fileId: "p" }),
    );
    expect(err).toMatchObject({ code: 403, type: "storage_bucket_transformations_disabled" });
    expect(await decode(await admin.getFilePreview({ bucketId: "raw", fileId: "p", width: 40 }))).toMatchObject({
      width: 40,
      height: 20,
    });
  });
});

describe("web SDK URL and caching headers", () => {
  it("serves the web SDK's preview URL to a browser-like fetch, then from the cache", async () => {
    const web = new WebStorage(new WebClient().setEndpoint(t.url).setProject(PROJECT_ID));
    const url = web.getFilePreview({
      bucketId: "photos",
      fileId: "photo",
      width: 320,
      output: WebImageFormat.Webp,
      quality: 80,
    });
    expect(url).toContain("width=320");
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("image/webp");
    expect(first.headers.get("cache-control")).toBe("private, max-age=2592000");
    expect(first.headers.get("x-appwrite-cache")).toBe("miss");
    const body = Buffer.from(await first.arrayBuffer());
    expect(await decode(body)).toMatchObject({ format: "webp", width: 320, height: 240 });

    const second = await fetch(url);
    expect(second.headers.get("x-appwrite-cache")).toBe("hit");
    expect(Buffer.from(await second.arrayBuffer()).equals(body)).toBe(true);
  });
});
