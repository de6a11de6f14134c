// Photos in the booking chat against the local server: stored readable by exactly the chat's people, read back only
// by them, refused by their bytes (not their names), and stored once per clientMessageId even when a retry races
// the original upload.
import { BUCKETS } from "@tenang/booking-core/resource-ids";
import { png } from "@tenang/testing/images";
import { AppwriteException, Client, Query, Storage, type Models } from "node-appwrite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBooking } from "../bookings/create-booking";
import type { BookingServerContext } from "../context";
import { type Engine, TABLES, bookingInput, newCustomerId, newKey, startEngine } from "../../test/support/engine";
import { createSessionUser, linkTherapistUser, type SessionUser } from "../../test/support/fixtures";
import { confirmedBooking } from "../../test/support/flows";
import { MAX_CHAT_IMAGE_BYTES } from "./chat-image-file";
import { getChatImage } from "./get-chat-image";
import { sendMessage } from "./send-message";
import { uploadChatImage } from "./upload-chat-image";

/** What a browser's FormData would hand over: the bytes, under the name and type the device claimed. */
const upload = (bytes: Uint8Array, name: string, type: string) => new File([bytes], name, { type });

let engine: Engine;
let customer: SessionUser;
let therapistUser: SessionUser;
let otherTherapistUser: SessionUser;
let bookingId: string;
let therapistId: string;

beforeAll(async () => {
  engine = await startEngine();
  // The customer is a real Appwrite user here (guests are anonymous users in the customer app), so the file's
  // permissions can be checked with their own session, not only through the API key.
  customer = await createSessionUser(engine, "Guest");
  therapistUser = await createSessionUser(engine, "Therapist");
  otherTherapistUser = await createSessionUser(engine, "Other therapist");
  const confirmed = await confirmedBooking(engine, customer.userId, { lat: -8.65, lng: 115.14 });
  bookingId = confirmed.booking.id;
  therapistId = confirmed.therapistId;
  await linkTherapistUser(engine, therapistId, therapistUser.userId);
});
afterAll(() => engine.close());

async function filesNamed(name: string): Promise<Models.File[]> {
  const { files } = await engine.ctx.storage.listFiles({
    bucketId: BUCKETS.chatImages,
    queries: [Query.equal("name", name), Query.limit(100)],
  });
  return files;
}

async function fileCount(): Promise<number> {
  return (await engine.ctx.storage.listFiles({ bucketId: BUCKETS.chatImages, queries: [Query.limit(1)] })).total;
}

/** Reads a file with a user's own session: what Appwrite itself lets that user see. */
async function readAsUser(user: SessionUser, fileId: string): Promise<number> {
  const session = await engine.ctx.users.createSession({ userId: user.userId });
  const client = new Client()
    .setEndpoint(engine.stack.endpoint)
    .setProject(engine.stack.projectId)
    .setSession(session.secret);
  try {
    await new Storage(client).getFileView({ bucketId: BUCKETS.chatImages, fileId });
    return 200;
  } catch (error) {
    return error instanceof AppwriteException ? error.code : 0;
  }
}

describe("uploadChatImage + getChatImage", () => {
  it("stores a PNG (even named .jpg) readable by exactly the customer and the therapist; others get not_found", async () => {
    const bytes = png(24, 16);
    const message = await uploadChatImage(engine.ctx, {
      bookingId,
      sender: { role: "customer", id: customer.userId },
      clientMessageId: "photo-msg-0001",
      file: upload(bytes, "IMG_2041.jpg", "image/jpeg"),
      text: "  the gate  ",
    });
    expect(message).toMatchObject({
      kind: "image",
      bookingId,
      senderType: "customer",
      senderId: customer.userId,
      clientMessageId: "photo-msg-0001",
      text: "the gate",
    });
    if (message.kind !== "image") throw new Error("not an image message");
    const fileId = message.imageFileId;

    // Stored under the name of what the bytes are, readable by the two people of the chat and nobody else.
    const file = await engine.ctx.storage.getFile({ bucketId: BUCKETS.chatImages, fileId });
    expect(file).toMatchObject({
      name: `${bookingId}/photo-msg-0001.png`,
      mimeType: "image/png",
      sizeOriginal: bytes.length,
    });
    expect(file.$permissions).toEqual([`read("user:${customer.userId}")`, `read("user:${therapistUser.userId}")`]);
    expect((await engine.row(TABLES.messages, message.id)).$permissions).toEqual(file.$permissions);
    expect(await readAsUser(customer, fileId)).toBe(200);
    expect(await readAsUser(therapistUser, fileId)).toBe(200);
    expect(await readAsUser(otherTherapistUser, fileId)).toBe(404);

    // Through the use case: the customer, the confirmed therapist and support get the bytes.
    for (const viewer of [
      { role: "customer", id: customer.userId },
      { role: "therapist", id: therapistId },
      { role: "admin", id: "demo-admin" },
    ] as const) {
      const image = await getChatImage(engine.ctx, { bookingId, fileId, viewer });
      expect(image.contentType).toBe("image/png");
      expect(Buffer.from(image.bytes).equals(bytes)).toBe(true);
    }

    // Another therapist, another guest, a booking that does not show this file: all the same "not found".
    const otherTherapistId = therapistId === "therapist-01" ? "therapist-08" : "therapist-01";
    const otherGuest = newCustomerId();
    const other = await confirmedBooking(engine, otherGuest, { lat: -8.72, lng: 115.17 });
    for (const [id, viewer] of [
      [bookingId, { role: "therapist", id: otherTherapistId }],
      [bookingId, { role: "customer", id: otherGuest }],
      [other.booking.id, { role: "customer", id: otherGuest }],
      [other.booking.id, { role: "therapist", id: other.therapistId }],
    ] as const) {
      await expect(getChatImage(engine.ctx, { bookingId: id, fileId, viewer })).rejects.toMatchObject({
        code: "not_found",
      });
    }
    await expect(
      getChatImage(engine.ctx, {
        bookingId,
        fileId: "no-such-file",
        viewer: { role: "customer", id: customer.userId },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("the therapist sends one too; JPEG and WebP are accepted by their signatures", async () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from("JFIF-ish payload")]);
    const webp = Buffer.from("RIFF\x24\x00\x00\x00WEBPVP8 payload", "latin1");
    const fromTherapist = await uploadChatImage(engine.ctx, {
      bookingId,
      sender: { role: "therapist", id: therapistId },
      clientMessageId: "photo-msg-0002",
      file: upload(jpeg, "photo", ""),
    });
    const fromCustomer = await uploadChatImage(engine.ctx, {
      bookingId,
      sender: { role: "customer", id: customer.userId },
      clientMessageId: "photo-msg-0003",
      file: upload(webp, "photo.webp", "image/webp"),
    });
    expect(fromTherapist).toMatchObject({ kind: "image", senderType: "therapist", senderId: therapistId, text: null });
    const viewer = { role: "customer", id: customer.userId } as const;
    if (fromTherapist.kind !== "image" || fromCustomer.kind !== "image") throw new Error("not image messages");
    expect(await getChatImage(engine.ctx, { bookingId, fileId: fromTherapist.imageFileId, viewer })).toMatchObject({
      contentType: "image/jpeg",
    });
    expect(
      await getChatImage(engine.ctx, {
        bookingId,
        fileId: fromCustomer.imageFileId,
        viewer: { role: "therapist", id: therapistId },
      }),
    ).toMatchObject({ contentType: "image/webp" });
  });

  it("refuses a text file named .png, a file over 5 MB and an empty one, storing nothing", async () => {
    const before = await fileCount();
    const sender = { role: "customer", id: customer.userId } as const;
    const attempt = (file: File, locale: "en" | "id" = "en") =>
      uploadChatImage(engine.ctx, { bookingId, sender, clientMessageId: "photo-msg-0009", file, locale });

    await expect(attempt(upload(Buffer.from("not a photo at all\n"), "photo.png", "image/png"))).rejects.toMatchObject({
      code: "validation_failed",
      details: { problem: "image_type_unsupported" },
      issues: [{ path: "file", message: "Only JPEG, PNG or WebP photos can be sent." }],
    });
    await expect(attempt(upload(Buffer.from("GIF89a......"), "cat.gif", "image/gif"), "id")).rejects.toMatchObject({
      issues: [{ path: "file", message: "Hanya foto JPEG, PNG, atau WebP yang bisa dikirim." }],
    });
    // A real PNG signature, one byte over the limit: the size decides before the bytes are even read.
    const huge = Buffer.alloc(MAX_CHAT_IMAGE_BYTES + 1);
    png(1, 1).copy(huge);
    await expect(attempt(upload(huge, "big.png", "image/png"))).rejects.toMatchObject({
      code: "validation_failed",
      details: { problem: "image_too_large" },
    });
    // Exactly the limit is fine.
    const limit = Buffer.alloc(MAX_CHAT_IMAGE_BYTES);
    png(1, 1).copy(limit);
    await expect(attempt(upload(new Uint8Array(0), "empty.png", "image/png"))).rejects.toMatchObject({
      details: { problem: "image_missing" },
    });
    expect(await fileCount()).toBe(before);
    expect(await engine.rows(TABLES.messages, [Query.equal("clientMessageId", "photo-msg-0009")])).toEqual([]);

    const atLimit = await attempt(upload(limit, "limit.png", "image/png"));
    expect(atLimit.kind).toBe("image");
    expect(await fileCount()).toBe(before + 1);
  });

  it("a retried upload returns the stored message and stores no second file", async () => {
    const sender = { role: "customer", id: customer.userId } as const;
    const args = {
      bookingId,
      sender,
      clientMessageId: "photo-msg-0010",
      file: upload(png(4, 4), "a.png", "image/png"),
    };
    const first = await uploadChatImage(engine.ctx, args);
    const again = await uploadChatImage(engine.ctx, { ...args, file: upload(png(8, 8), "b.png", "image/png") });
    expect(again).toEqual(first);
    expect(await filesNamed(`${bookingId}/photo-msg-0010.png`)).toHaveLength(1);

    // Two at once from two server processes: one message, one file.
    const racing = { ...args, clientMessageId: "photo-msg-0011" };
    const [x, y] = await Promise.all([
      uploadChatImage(engine.ctx, racing),
      uploadChatImage(engine.secondContext(), racing),
    ]);
    expect(x.id).toBe(y.id);
    expect(await engine.rows(TABLES.messages, [Query.equal("clientMessageId", "photo-msg-0011")])).toHaveLength(1);
    const kept = await filesNamed(`${bookingId}/photo-msg-0011.png`);
    expect(kept.map((f) => f.$id)).toEqual([x.kind === "image" ? x.imageFileId : "?"]);

    // An id already used for a text message is not a photo's.
    await sendMessage(engine.ctx, {
      bookingId,
      sender,
      input: { kind: "text", clientMessageId: "photo-msg-0012", text: "hello" },
    });
    await expect(uploadChatImage(engine.ctx, { ...args, clientMessageId: "photo-msg-0012" })).rejects.toMatchObject({
      code: "idempotency_mismatch",
    });
  });

  it("the upload whose message loses the race deletes its own file and answers with the winner", async () => {
    const sender = { role: "customer", id: customer.userId } as const;
    const args = {
      bookingId,
      sender,
      clientMessageId: "photo-msg-0020",
      file: upload(png(6, 6), "race.png", "image/png"),
    };
    // The slow request: right after its file is stored, the original request (another process) completes first.
    const slow = engine.secondContext();
    const stored: string[] = [];
    let winner: Awaited<ReturnType<typeof uploadChatImage>> | null = null;
    const storage = slow.storage;
    const racingStorage = new Proxy(storage, {
      get(target, property, receiver) {
        if (property !== "createFile") return Reflect.get(target, property, receiver) as unknown;
        return async (...params: unknown[]) => {
          const file = (await Reflect.apply(target.createFile, target, params)) as Models.File;
          stored.push(file.$id);
          winner ??= await uploadChatImage(engine.ctx, args);
          return file;
        };
      },
    });
    const ctx: BookingServerContext = { ...slow, storage: racingStorage };
    const answer = await uploadChatImage(ctx, args);

    expect(winner).not.toBeNull();
    expect(answer).toEqual(winner);
    expect(stored).toHaveLength(1);
    const loserFile = stored[0]!;
    expect(answer.kind === "image" && answer.imageFileId).not.toBe(loserFile);
    await expect(engine.ctx.storage.getFile({ bucketId: BUCKETS.chatImages, fileId: loserFile })).rejects.toMatchObject(
      {
        code: 404,
      },
    );
    const kept = await filesNamed(`${bookingId}/photo-msg-0020.png`);
    expect(kept.map((f) => f.$id)).toEqual([answer.kind === "image" ? answer.imageFileId : "?"]);
  });

  it("follows the chat's rules: not while searching, not for strangers, and within the 30-a-minute limit", async () => {
    const file = () => upload(png(2, 2), "p.png", "image/png");
    const guest = newCustomerId();
    const searching = await createBooking(engine.ctx, {
      customerId: guest,
      input: bookingInput(),
      idempotencyKey: newKey(),
    });
    await expect(
      uploadChatImage(engine.ctx, {
        bookingId: searching.booking.id,
        sender: { role: "customer", id: guest },
        clientMessageId: "photo-msg-0030",
        file: file(),
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      uploadChatImage(engine.ctx, {
        bookingId,
        sender: { role: "customer", id: guest },
        clientMessageId: "photo-msg-0031",
        file: file(),
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      uploadChatImage(engine.ctx, {
        bookingId,
        sender: { role: "customer", id: customer.userId },
        clientMessageId: "bad id!",
        file: file(),
      }),
    ).rejects.toMatchObject({ code: "validation_failed" });

    // Photos and texts share the sender's limit.
    const chatter = newCustomerId();
    const busy = await confirmedBooking(engine, chatter, { lat: -8.8, lng: 115.16 });
    const sender = { role: "customer", id: chatter } as const;
    for (let i = 1; i <= 30; i += 1) {
      await sendMessage(engine.ctx, {
        bookingId: busy.booking.id,
        sender,
        input: { kind: "text", clientMessageId: `limit-msg-${String(i).padStart(3, "0")}`, text: `m${i}` },
      });
    }
    const before = await fileCount();
    await expect(
      uploadChatImage(engine.ctx, {
        bookingId: busy.booking.id,
        sender,
        clientMessageId: "photo-msg-0032",
        file: file(),
      }),
    ).rejects.toMatchObject({ code: "rate_limited" });
    expect(await fileCount()).toBe(before);
  });

  it("a message names only a photo uploaded to its own booking's chat; the image route checks the file's booking", async () => {
    // A photo in this booking's chat, and a second booking (another guest, another therapist) whose people try to
    // show it in theirs by naming its file id (issue 9, finding 3).
    const photo = await uploadChatImage(engine.ctx, {
      bookingId,
      sender: { role: "customer", id: customer.userId },
      clientMessageId: "photo-msg-0040",
      file: upload(png(6, 6), "gate.png", "image/png"),
    });
    const fileId = photo.kind === "image" ? photo.imageFileId : "?";
    const thief = newCustomerId();
    const other = await confirmedBooking(engine, thief, { lat: -8.72, lng: 115.17 });
    for (const sender of [
      { role: "customer", id: thief },
      { role: "therapist", id: other.therapistId },
    ] as const) {
      await expect(
        sendMessage(engine.ctx, {
          bookingId: other.booking.id,
          sender,
          input: { kind: "image", clientMessageId: `steal-${sender.role}-01`, imageFileId: fileId, text: null },
        }),
      ).rejects.toMatchObject({ code: "not_found" });
    }
    // Nothing was stored, and a message that names the file anyway (written before this check existed) shows nothing.
    expect(await engine.rows(TABLES.messages, [Query.equal("imageFileId", fileId)])).toHaveLength(1);
    await engine.ctx.tablesDB.createRow({
      databaseId: engine.stack.databaseId,
      tableId: TABLES.messages,
      rowId: "stolen-photo-msg",
      data: {
        bookingId: other.booking.id,
        senderType: "customer",
        senderId: thief,
        kind: "image",
        imageFileId: fileId,
      },
    });
    for (const viewer of [
      { role: "customer", id: thief },
      { role: "therapist", id: other.therapistId },
    ] as const) {
      await expect(getChatImage(engine.ctx, { bookingId: other.booking.id, fileId, viewer })).rejects.toMatchObject({
        code: "not_found",
      });
    }
    // Its own chat still shows it.
    const own = await getChatImage(engine.ctx, {
      bookingId,
      fileId,
      viewer: { role: "customer", id: customer.userId },
    });
    expect(own.contentType).toBe("image/png");
  });
});
