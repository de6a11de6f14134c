import { describe, expect, it } from "vitest";
import { messageFromRow, parseServerMessage, typedTextOf } from "./chat-message";

const row = {
  $id: "row1",
  $sequence: "42",
  $tableId: "messages",
  $databaseId: "tenang",
  $createdAt: "2025-11-22T06:30:00.123+00:00",
  $updatedAt: "2025-11-22T06:30:00.123+00:00",
  $permissions: ['read("user:u1")'],
  bookingId: "booking1",
  senderType: "customer",
  senderId: "cust1",
  kind: "text",
  text: "  hello  ",
  systemKey: null,
  systemParams: null,
  imageFileId: null,
  lat: null,
  lng: null,
  clientMessageId: "client-0001",
};

describe("messageFromRow (realtime payloads)", () => {
  it("maps Appwrite's $-fields and parses with booking-core's schema", () => {
    expect(messageFromRow(row)).toEqual({
      id: "row1",
      bookingId: "booking1",
      senderType: "customer",
      senderId: "cust1",
      clientMessageId: "client-0001",
      createdAt: "2025-11-22T06:30:00.123Z",
      kind: "text",
      text: "hello",
      sequence: 42,
    });
  });

  it("parses system params stored as JSON text", () => {
    const system = {
      ...row,
      senderType: "system",
      senderId: null,
      clientMessageId: null,
      kind: "system",
      text: null,
      systemKey: "on_the_way",
      systemParams: '{"etaMinutes":15}',
    };
    expect(messageFromRow(system)).toMatchObject({
      kind: "system",
      systemKey: "on_the_way",
      systemParams: { etaMinutes: 15 },
    });
  });

  it.each([
    { name: "not an object", value: "row" },
    { name: "null", value: null },
    { name: "no sequence", value: { ...row, $sequence: undefined } },
    { name: "a negative sequence", value: { ...row, $sequence: "-1" } },
    { name: "an unknown kind", value: { ...row, kind: "sticker" } },
    { name: "an empty text", value: { ...row, text: "   " } },
    {
      name: "a system message with wrong params",
      value: { ...row, kind: "system", systemKey: "delayed", systemParams: "{}" },
    },
  ])("returns null for $name", ({ value }) => {
    expect(messageFromRow(value)).toBeNull();
  });
});

describe("parseServerMessage (route JSON)", () => {
  it("accepts the route's shape, numeric sequence", () => {
    const wire = {
      id: "m1",
      bookingId: "b1",
      senderType: "therapist",
      senderId: "t1",
      createdAt: "2025-11-22T06:30:00.000Z",
      kind: "image",
      imageFileId: "file1",
      sequence: 7,
    };
    expect(parseServerMessage(wire)).toEqual({ ...wire, clientMessageId: null, text: null });
  });

  it("refuses a fractional sequence", () => {
    expect(parseServerMessage({ id: "m1", sequence: 1.5 })).toBeNull();
  });
});

describe("typedTextOf", () => {
  it("is the text or caption, never a system message", () => {
    const text = parseServerMessage({
      id: "m1",
      bookingId: "b1",
      senderType: "customer",
      senderId: "c1",
      createdAt: "2025-11-22T06:30:00.000Z",
      kind: "location",
      lat: 1,
      lng: 2,
      text: "Villa",
      sequence: 1,
    });
    expect(text && typedTextOf(text)).toBe("Villa");
    const system = messageFromRow({
      ...row,
      kind: "system",
      systemKey: "arrived",
      systemParams: "{}",
      senderType: "system",
      senderId: null,
    });
    expect(system && typedTextOf(system)).toBeNull();
  });
});
