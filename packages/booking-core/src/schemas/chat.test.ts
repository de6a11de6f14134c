import { describe, expect, it } from "vitest";
import { errorMapFor } from "../validation";
import { chatSearchTextSchema, messageSchema, sendMessageInputSchema } from "./chat";

const base = { id: "m1", bookingId: "b1", senderId: "c1", createdAt: "2025-11-22T02:00:00.000Z" };

describe("messages", () => {
  it("parses each kind of message row", () => {
    expect(messageSchema.parse({ ...base, kind: "text", senderType: "customer", text: " Hi! " })).toMatchObject({
      text: "Hi!",
      clientMessageId: null,
    });
    expect(
      messageSchema.parse({
        ...base,
        kind: "system",
        senderType: "system",
        senderId: null,
        systemKey: "delayed",
        systemParams: '{"delayMinutes":10}',
      }),
    ).toMatchObject({ systemParams: { delayMinutes: 10 } });
    expect(
      messageSchema.parse({
        ...base,
        kind: "system",
        senderType: "system",
        senderId: null,
        systemKey: "searching",
        systemParams: null,
      }),
    ).toMatchObject({
      systemParams: {},
    });
    expect(messageSchema.parse({ ...base, kind: "image", senderType: "therapist", imageFileId: "f1" })).toMatchObject({
      text: null,
    });
    expect(
      messageSchema.parse({ ...base, kind: "location", senderType: "customer", lat: -8.69, lng: 115.17 }),
    ).toMatchObject({ lat: -8.69 });
  });

  it("refuses unknown kinds, unknown system keys and params that do not fit", () => {
    expect(messageSchema.safeParse({ ...base, kind: "sticker", senderType: "customer" }).success).toBe(false);
    expect(
      messageSchema.safeParse({
        ...base,
        kind: "system",
        senderType: "system",
        systemKey: "pending_accept",
        systemParams: "{}",
      }).success,
    ).toBe(false);
    expect(
      messageSchema.safeParse({
        ...base,
        kind: "system",
        senderType: "system",
        systemKey: "delayed",
        systemParams: "{}",
      }).success,
    ).toBe(false);
    expect(
      messageSchema.safeParse({
        ...base,
        kind: "system",
        senderType: "system",
        systemKey: "delayed",
        systemParams: "{not json",
      }).success,
    ).toBe(false);
  });

  it("what a person sends: text is trimmed and never empty", () => {
    expect(sendMessageInputSchema.parse({ kind: "text", clientMessageId: "abcd1234", text: " hello " })).toEqual({
      kind: "text",
      clientMessageId: "abcd1234",
      text: "hello",
    });
    const empty = sendMessageInputSchema.safeParse(
      { kind: "text", clientMessageId: "abcd1234", text: "   " },
      { error: errorMapFor("id") },
    );
    expect(empty.error?.issues[0]?.message).toBe("Pesan tidak boleh kosong.");
    expect(
      sendMessageInputSchema.parse({ kind: "image", clientMessageId: "abcd1234", imageFileId: "f1", text: "" }),
    ).toMatchObject({ text: null });
    expect(
      sendMessageInputSchema.parse({ kind: "location", clientMessageId: "abcd1234", lat: -8.6, lng: 115.2 }),
    ).toMatchObject({ text: null });
    expect(sendMessageInputSchema.safeParse({ kind: "text", clientMessageId: "x", text: "hi" }).success).toBe(false);
  });
});

describe("chatSearchTextSchema", () => {
  it("takes 1–200 characters of trimmed text, and no control characters (a NUL byte reached the database)", () => {
    expect(chatSearchTextSchema.parse("  blue gate ")).toBe("blue gate");
    expect(chatSearchTextSchema.parse("kode gerbang ✓")).toBe("kode gerbang ✓");
    expect(chatSearchTextSchema.parse("x".repeat(200))).toHaveLength(200);
    for (const bad of [
      "",
      "   ",
      "x".repeat(201),
      "gate\u0000",
      "a\u0007b",
      "two\nlines",
      "esc\u001b[0m",
      "c1\u0085",
    ]) {
      const result = chatSearchTextSchema.safeParse(bad, { error: errorMapFor("en") });
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(
        "Search for 1–200 characters of text, without line breaks or control characters.",
      );
    }
  });
});
