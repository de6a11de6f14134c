// What the credentials a browser holds (a guest's session, a therapist's session, a realtime JWT) can read directly
// from Appwrite with the official SDK — no route handler in between — and what the therapist's routes hand out, at
// each step of a booking (issue 9, findings 2 and "guests read internal booking fields").
import { BUCKETS } from "@tenang/booking-core/resource-ids";
import { png } from "@tenang/testing/images";
import { AppwriteException, Client, type Models, Query, Storage, TablesDB } from "node-appwrite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { acceptTherapist, findAnotherTherapist } from "../src/bookings/customer-decisions";
import { cancelBooking } from "../src/bookings/cancel-booking";
import { createBooking } from "../src/bookings/create-booking";
import { sendMessage } from "../src/messages/send-message";
import { uploadChatImage } from "../src/messages/upload-chat-image";
import { listPendingOffers } from "../src/offers/list-pending-offers";
import { respondToOffer } from "../src/bookings/respond-to-offer";
import { mintRealtimeToken } from "../src/realtime/mint-realtime-token";
import { getTherapistBooking, listTherapistBookings } from "../src/therapists/list-therapist-bookings";
import { type Engine, TABLES, bookingInput, newKey, startEngine } from "./support/engine";
import { type SessionUser, createSessionUser, linkTherapistUser } from "./support/fixtures";

/** Every table a signed-in browser credential could be granted rows of. */
const READABLE_TABLES = [
  TABLES.bookings,
  TABLES.bookingUpdates,
  TABLES.offers,
  TABLES.messages,
  TABLES.commissions,
  TABLES.ratings,
  TABLES.therapists,
] as const;

/** The customer's contact details as bookingInput() writes them, in every form they could be stored. */
const CONTACT = ["Clarke", "+6281234567890", "81234567890", "Kayu Aya", "Villa Kembang", "-8.6913", "115.1682"];
const ROOM = "Room 12";

let engine: Engine;
let customer: SessionUser;

beforeAll(async () => {
  engine = await startEngine();
  customer = await createSessionUser(engine, "Emma");
});
afterAll(() => engine.close());

/** A TablesDB acting with a realtime JWT minted for the user's session (what the browser holds for Realtime). */
async function jwtTablesDB(user: SessionUser): Promise<TablesDB> {
  const { jwt } = await mintRealtimeToken(engine.ctx, { userId: user.userId, sessionId: user.sessionId });
  return new TablesDB(new Client().setEndpoint(engine.stack.endpoint).setProject(engine.stack.projectId).setJWT(jwt));
}

/** Every row this credential can list, table by table. */
async function everythingReadable(tablesDB: TablesDB): Promise<Record<string, Models.DefaultRow[]>> {
  const out: Record<string, Models.DefaultRow[]> = {};
  for (const tableId of READABLE_TABLES) {
    out[tableId] = (await tablesDB.listRows({ databaseId: engine.stack.databaseId, tableId })).rows;
  }
  return out;
}

async function rowOrStatus(tablesDB: TablesDB, tableId: string, rowId: string): Promise<Models.DefaultRow | number> {
  try {
    return await tablesDB.getRow<Models.DefaultRow>({ databaseId: engine.stack.databaseId, tableId, rowId });
  } catch (error) {
    return (error as { code: number }).code;
  }
}

interface RealtimeSpy {
  /** Every event frame's data pushed so far (channels, events, payload). */
  frames: Array<{ channels: string[]; payload: unknown }>;
  close(): void;
}

/**
 * A raw Realtime socket authenticated with the user's realtime JWT (what the browser holds), subscribed to every
 * channel a curious therapist would try: whole tables and one booking's row.
 */
async function spyOnRealtime(user: SessionUser, bookingId: string): Promise<RealtimeSpy> {
  const { jwt } = await mintRealtimeToken(engine.ctx, { userId: user.userId, sessionId: user.sessionId });
  const db = engine.stack.databaseId;
  const url = `${engine.stack.endpoint.replace(/^http/, "ws")}/realtime?project=${engine.stack.projectId}&jwt=${jwt}`;
  const socket = new WebSocket(url);
  const frames: RealtimeSpy["frames"] = [];
  await new Promise<void>((resolve, reject) => {
    socket.on("error", reject);
    socket.on("message", (raw) => {
      const message = JSON.parse(String(raw)) as { type: string; data: { to?: string } & RealtimeSpy["frames"][0] };
      if (message.type === "connected") {
        const channels = [
          `tablesdb.${db}.tables.${TABLES.bookings}.rows`,
          `tablesdb.${db}.tables.${TABLES.bookings}.rows.${bookingId}`,
          `tablesdb.${db}.tables.${TABLES.bookingUpdates}.rows`,
          `tablesdb.${db}.tables.${TABLES.messages}.rows`,
          `databases.${db}.collections.${TABLES.bookings}.documents`,
        ];
        socket.send(JSON.stringify({ type: "subscribe", data: [{ subscriptionId: "spy", channels, queries: [] }] }));
      } else if (message.type === "response" && message.data.to === "subscribe") resolve();
      else if (message.type === "event")
        frames.push({ channels: message.data.channels, payload: message.data.payload });
    });
  });
  return { frames, close: () => socket.close() };
}

function expectNoContact(readable: unknown): void {
  const text = JSON.stringify(readable);
  for (const detail of [...CONTACT, ROOM]) expect(text, `leaks ${detail}`).not.toContain(detail);
}

/** A booking offered to a therapist whose Appwrite user (with a session) the test holds. */
async function offeredBooking(customerId: string) {
  const view = await createBooking(engine.ctx, {
    customerId,
    input: bookingInput({ roomNumber: ROOM }),
    idempotencyKey: newKey(),
  });
  const therapistId = view.booking.offeredTherapistIds[0]!;
  const therapistUser = await createSessionUser(engine, `Therapist ${therapistId}`);
  await linkTherapistUser(engine, therapistId, therapistUser.userId);
  return { bookingId: view.booking.id, offerId: view.booking.currentOfferId!, therapistId, therapistUser };
}

describe("a therapist's own credentials, directly against Appwrite", () => {
  it("read no contact detail while offered or holding the booking; the routes hand it out from confirmed on", async () => {
    const { ctx } = engine;
    const { bookingId, offerId, therapistId, therapistUser } = await offeredBooking(customer.userId);

    // Offered: the offer card says the area, never the hotel/villa name or the address line.
    const [offer] = await listPendingOffers(ctx, { therapistId });
    expect(offer?.booking.area).toBe("seminyak");
    expectNoContact(offer);
    expectNoContact(await everythingReadable(therapistUser.tablesDB));

    // Accepted (therapist_found): the customer has not chosen them yet. Realtime, on the therapist's JWT, pushes
    // only the change signal, whatever channel the socket asks for.
    const spy = await spyOnRealtime(therapistUser, bookingId);
    await respondToOffer(ctx, { therapistId, offerId, response: "accept" });
    await expect.poll(() => spy.frames.length).toBeGreaterThan(0);
    const jwt = await jwtTablesDB(therapistUser);
    for (const credential of [therapistUser.tablesDB, jwt]) {
      expectNoContact(await everythingReadable(credential));
      expect(await rowOrStatus(credential, TABLES.bookings, bookingId)).toBe(404);
      // The one thing the therapist's Realtime subscription needs: "this booking changed".
      const signal = await rowOrStatus(credential, TABLES.bookingUpdates, bookingId);
      expect(signal).toMatchObject({ bookingId, status: "therapist_found", version: 2 });
    }
    const held = await getTherapistBooking(ctx, { therapistId, bookingId });
    expect(held.customerFirstName).toBe("Emma");
    expect(held.contact).toBeNull();
    expectNoContact(held);
    expectNoContact(await listTherapistBookings(ctx, { therapistId, scope: "active" }));
    expectNoContact(spy.frames);
    // Every event the socket was pushed came from the signal table (the channels name the table they belong to).
    const tablesHeard = new Set(
      spy.frames.flatMap((f) =>
        f.channels.map((c) => /^tablesdb\.[^.]+\.tables\.([^.]+)/.exec(c)?.[1]).filter(Boolean),
      ),
    );
    expect([...tablesHeard]).toEqual([TABLES.bookingUpdates]);
    spy.close();

    // Confirmed: the therapist's route shows who and where; Appwrite itself still gives the row to nobody but staff.
    await acceptTherapist(ctx, { customerId: customer.userId, bookingId, expectedVersion: 2 });
    const confirmed = await getTherapistBooking(ctx, { therapistId, bookingId });
    expect(confirmed.contact).toMatchObject({
      name: "Emma Clarke",
      whatsapp: "+6281234567890",
      hotelOrVilla: "Villa Kembang",
      roomNumber: ROOM,
    });
    expect(await rowOrStatus(therapistUser.tablesDB, TABLES.bookings, bookingId)).toBe(404);
    expect(await rowOrStatus(jwt, TABLES.bookingUpdates, bookingId)).toMatchObject({ status: "confirmed" });

    // Cancelled: the contact is withdrawn from the therapist's view again.
    await cancelBooking(ctx, {
      bookingId,
      actor: { role: "customer", customerId: customer.userId },
      expectedVersion: 3,
      reason: "changed_mind",
    });
    const [ended] = await listTherapistBookings(ctx, { therapistId, scope: "history" });
    expect(ended?.booking.id).toBe(bookingId);
    expect(ended?.contact).toBeNull();
    expectNoContact(ended);
  });

  it("lose even the status signal when the customer asks for another therapist", async () => {
    const other = await createSessionUser(engine, "Liam");
    const { bookingId, offerId, therapistId, therapistUser } = await offeredBooking(other.userId);
    await respondToOffer(engine.ctx, { therapistId, offerId, response: "accept" });
    expect(await rowOrStatus(therapistUser.tablesDB, TABLES.bookingUpdates, bookingId)).toMatchObject({ version: 2 });
    await findAnotherTherapist(engine.ctx, { customerId: other.userId, bookingId, expectedVersion: 2 });
    expect(await rowOrStatus(therapistUser.tablesDB, TABLES.bookingUpdates, bookingId)).toBe(404);
    expectNoContact(await everythingReadable(therapistUser.tablesDB));
  });
});

describe("a guest's own credentials, directly against Appwrite", () => {
  it("read their booking's status signal only, not the internal booking row (who was offered, offer ids, keys)", async () => {
    const guest = await createSessionUser(engine, "Noah");
    const { bookingId } = await offeredBooking(guest.userId);
    for (const credential of [guest.tablesDB, await jwtTablesDB(guest)]) {
      expect(await rowOrStatus(credential, TABLES.bookings, bookingId)).toBe(404);
      const readable = await everythingReadable(credential);
      expect(readable[TABLES.bookings]).toEqual([]);
      const text = JSON.stringify(readable);
      for (const internal of ["offeredTherapistIds", "currentOfferId", "idempotencyKey", "idempotencyFingerprint"]) {
        expect(text).not.toContain(internal);
      }
      const signal = await rowOrStatus(credential, TABLES.bookingUpdates, bookingId);
      expect(signal).toMatchObject({ bookingId, status: "searching", version: 1 });
      const columns = Object.keys(signal as object).filter((key) => !key.startsWith("$"));
      expect(columns.sort()).toEqual(["bookingId", "status", "updatedAt", "version"]);
    }
  });
});

describe("the chat after the therapist loses the booking", () => {
  it("a cancelled booking's messages and photos are no longer readable by the therapist's own session", async () => {
    const { ctx } = engine;
    const guest = await createSessionUser(engine, "Mia");
    const { bookingId, offerId, therapistId, therapistUser } = await offeredBooking(guest.userId);
    await respondToOffer(ctx, { therapistId, offerId, response: "accept" });
    await acceptTherapist(ctx, { customerId: guest.userId, bookingId, expectedVersion: 2 });
    const sender = { role: "customer", id: guest.userId } as const;
    // Where exactly: a pin, and a photo of the gate.
    await sendMessage(ctx, {
      bookingId,
      sender,
      input: { kind: "location", clientMessageId: "pin-msg-0001", lat: -8.6913, lng: 115.1682, text: null },
    });
    const photo = await uploadChatImage(ctx, {
      bookingId,
      sender,
      clientMessageId: "gate-msg-0001",
      file: new File([png(4, 4)], "gate.png", { type: "image/png" }),
    });
    const fileId = photo.kind === "image" ? photo.imageFileId : "?";
    const storage = new Storage(
      new Client()
        .setEndpoint(engine.stack.endpoint)
        .setProject(engine.stack.projectId)
        .setSession((await engine.ctx.users.createSession({ userId: therapistUser.userId })).secret),
    );
    const readFile = () =>
      storage.getFile({ bucketId: BUCKETS.chatImages, fileId }).then(
        () => 200,
        (error: unknown) => (error instanceof AppwriteException ? error.code : 0),
      );
    const chatRows = async () =>
      (
        await therapistUser.tablesDB.listRows({
          databaseId: engine.stack.databaseId,
          tableId: TABLES.messages,
          queries: [Query.equal("bookingId", bookingId)],
        })
      ).rows;
    expect((await chatRows()).map((m) => m.kind)).toEqual(expect.arrayContaining(["location", "image"]));
    expect(await readFile()).toBe(200);

    await cancelBooking(ctx, {
      bookingId,
      actor: { role: "customer", customerId: guest.userId },
      expectedVersion: 3,
      reason: "changed_mind",
    });
    expect(await chatRows()).toEqual([]);
    expect(await readFile()).toBe(404);
    // The customer keeps their own chat.
    const own = await guest.tablesDB.listRows({
      databaseId: engine.stack.databaseId,
      tableId: TABLES.messages,
      queries: [Query.equal("bookingId", bookingId)],
    });
    expect(own.rows.map((m) => m.kind)).toEqual(expect.arrayContaining(["location", "image"]));
  });
});
