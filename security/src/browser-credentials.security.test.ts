// What a browser holds — a guest's session secret (the customer app's httpOnly cookie), the realtime JWT from
// /api/realtime/token, a therapist's session — used directly with the official SDK against the local server, on
// every table, every bucket and the realtime socket. Only what the product intends: no writes anywhere; reads of the
// caller's own rows only; no customer contact detail for a therapist the customer has not confirmed (finding 2); no
// internal booking fields for guests; nobody reads another booking's chat photo (finding 3).
import { buckets, tables } from "@tenang/db/schema";
import { AppwriteException, Client, ID, Query, Storage, TablesDB, type Models } from "node-appwrite";
import { InputFile } from "node-appwrite/file";
import { png } from "@tenang/testing/images";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRealtime } from "./support/realtime";
import {
  bookNow,
  call,
  createTherapistLogin,
  CUSTOMER_DETAILS,
  setOnline,
  setUpPeople,
  signIn,
  startGuest,
  startSecurityWorld,
  WHATSAPP,
  type Actor,
  type People,
  type SecurityWorld,
} from "./support/world";

let world: SecurityWorld;
let people: People;
/** A booking still searching, offered to therapist D: the offer card a therapist sees before accepting. */
let bookingD: string;
let therapistD: Actor;

beforeAll(async () => {
  world = await startSecurityWorld();
  people = await setUpPeople(world);
  const loginD = await createTherapistLogin(world, "therapist-22");
  therapistD = await signIn(world, "therapist-dashboard", loginD.email, loginD.password, "therapistD");
  await setOnline(world, therapistD, true);
  const guestD = await startGuest(world, "guestD");
  bookingD = await bookNow(world, guestD.actor, "therapist-22", "0812 7777 4004");
});
afterAll(async () => {
  await world?.close();
});

type Credential = { kind: "session"; secret: string } | { kind: "jwt"; jwt: string };

function sdk(credential: Credential) {
  const client = new Client().setEndpoint(world.stack.endpoint).setProject(world.stack.projectId);
  if (credential.kind === "session") client.setSession(credential.secret);
  else client.setJWT(credential.jwt);
  return { tablesDB: new TablesDB(client), storage: new Storage(client) };
}

async function realtimeJwt(actor: Actor): Promise<string> {
  const res = await call(world, actor.app, "POST", "/api/realtime/token", { as: actor });
  expect(res.status, `realtime token for ${actor.name}`).toBe(201);
  return res.json<{ jwt: string }>().jwt;
}

/** The status an SDK call failed with, or "ok" when it succeeded. */
async function outcome(run: () => Promise<unknown>): Promise<number | "ok"> {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (error instanceof AppwriteException) return error.code;
    throw error;
  }
}

/** Every row each table lets this credential list (the caller's whole readable world). */
async function readableRows(credential: Credential): Promise<Record<string, Models.DefaultRow[]>> {
  const { tablesDB } = sdk(credential);
  const result: Record<string, Models.DefaultRow[]> = {};
  for (const table of tables) {
    try {
      const { rows } = await tablesDB.listRows({
        databaseId: world.stack.databaseId,
        tableId: table.id,
        queries: [Query.limit(500)],
      });
      result[table.id] = rows;
    } catch (error) {
      if (!(error instanceof AppwriteException) || ![401, 403, 404].includes(error.code)) throw error;
      result[table.id] = [];
    }
  }
  return result;
}

/** Tries every write on every table and bucket; returns the ones that succeeded (there must be none). */
async function attemptWrites(credential: Credential): Promise<string[]> {
  const { tablesDB, storage } = sdk(credential);
  const databaseId = world.stack.databaseId;
  const succeeded: string[] = [];
  for (const table of tables) {
    const [someRow] = await world.rows(table.id, [Query.limit(1)]);
    const targets = [someRow?.$id, people.bookingA, people.bookingC].filter((id): id is string => Boolean(id));
    const create = await outcome(() =>
      tablesDB.createRow({
        databaseId,
        tableId: table.id,
        rowId: ID.unique(),
        data: someRow ? stripSystem(someRow) : {},
      }),
    );
    if (create === "ok") succeeded.push(`create ${table.id}`);
    for (const rowId of targets) {
      if ((await outcome(() => tablesDB.updateRow({ databaseId, tableId: table.id, rowId, data: {} }))) === "ok") {
        succeeded.push(`update ${table.id}/${rowId}`);
      }
      if ((await outcome(() => tablesDB.deleteRow({ databaseId, tableId: table.id, rowId }))) === "ok") {
        succeeded.push(`delete ${table.id}/${rowId}`);
      }
    }
  }
  for (const bucket of buckets) {
    const created = await outcome(() =>
      storage.createFile({ bucketId: bucket.id, fileId: ID.unique(), file: InputFile.fromBuffer(png(4, 4), "x.png") }),
    );
    if (created === "ok") succeeded.push(`createFile ${bucket.id}`);
  }
  return succeeded;
}

function stripSystem(row: Models.DefaultRow): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !key.startsWith("$")));
}

/** What of booking C's customer a therapist must not see before the customer confirmed them (finding 2). */
async function contactLeaks(text: string): Promise<string[]> {
  const exact = await world.row("bookings", people.bookingC);
  const needles = {
    surname: "Clarke-Wolfe",
    whatsapp: WHATSAPP.C.replace(/\D/g, "").replace(/^0/, ""),
    address: CUSTOMER_DETAILS.address,
    hotelOrVilla: CUSTOMER_DETAILS.hotelOrVilla,
    roomNumber: CUSTOMER_DETAILS.roomNumber,
    lat: String(exact.lat),
    lng: String(exact.lng),
  };
  return Object.entries(needles)
    .filter(([, needle]) => text.includes(needle))
    .map(([what]) => what);
}

describe("a guest's session secret and realtime JWT, straight against Appwrite", () => {
  it("writes nothing, on any table or bucket", async () => {
    const session = { kind: "session", secret: people.guestA.actor.secret! } as const;
    expect(await attemptWrites(session)).toEqual([]);
    expect(await attemptWrites({ kind: "jwt", jwt: await realtimeJwt(people.guestA.actor) })).toEqual([]);
  });

  it("reads only the guest's own rows, and no internal booking field", async () => {
    const rows = await readableRows({ kind: "session", secret: people.guestA.actor.secret! });
    const foreign: string[] = [];
    for (const [tableId, list] of Object.entries(rows)) {
      for (const row of list) {
        const own =
          tableId === "places" || // public catalogue
          (tableId === "bookings" && row.customerId === people.guestA.userId) ||
          (tableId === "booking_updates" && row.bookingId === people.bookingA) ||
          (tableId === "messages" && row.bookingId === people.bookingA) ||
          (tableId === "ratings" && row.customerId === people.guestA.userId);
        if (!own) foreign.push(`${tableId}/${row.$id}`);
      }
    }
    expect(foreign).toEqual([]);
    // The guest's screen needs status, provider card and times, not the dispatch's workings (issue 9, low).
    const internal = [
      "offeredTherapistIds",
      "idempotencyKey",
      "idempotencyFingerprint",
      "currentOfferId",
      "commissionId",
    ];
    // Booking rows are staff-only; what the guest reads is its booking's signal row, which carries nothing but
    // "this booking changed" (the app refetches through its route).
    const bookingRows = rows.bookings ?? [];
    const signals = rows.booking_updates ?? [];
    expect(signals.map((r) => r.$id)).toContain(people.bookingA);
    for (const row of signals) {
      expect(Object.keys(stripSystem(row)).sort()).toEqual(["bookingId", "status", "updatedAt", "version"]);
    }
    for (const row of bookingRows) {
      const shown = internal.filter((key) => {
        const value = (row as Record<string, unknown>)[key];
        return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
      });
      expect(shown, `internal fields of ${row.$id} readable by its guest`).toEqual([]);
    }
  });

  it("gets no one else's row by id in any table, and no private file that is not theirs", async () => {
    const session = { kind: "session", secret: people.guestA.actor.secret! } as const;
    const { tablesDB, storage } = sdk(session);
    const readable: string[] = [];
    for (const table of tables.filter((t) => t.id !== "places")) {
      const foreign = (await world.rows(table.id)).filter(
        (row) =>
          row.customerId !== people.guestA.userId && row.bookingId !== people.bookingA && row.$id !== people.bookingA,
      );
      for (const row of foreign.slice(0, 5)) {
        const got = await outcome(() =>
          tablesDB.getRow({ databaseId: world.stack.databaseId, tableId: table.id, rowId: row.$id }),
        );
        if (got !== 404) readable.push(`${table.id}/${row.$id}: ${got}`);
      }
    }
    expect(readable).toEqual([]);
    for (const bucket of buckets.filter((b) => b.id !== "therapist-photos")) {
      const listed = await storage.listFiles({ bucketId: bucket.id }).catch(() => ({ files: [] }));
      const foreignFiles = listed.files.filter((f) => f.$id !== people.photoA);
      expect(foreignFiles.map((f) => `${bucket.id}/${f.$id}`)).toEqual([]);
    }
  });

  it("another guest reads nothing of booking A, its chat or its photo", async () => {
    const other = { kind: "session", secret: people.guestB.actor.secret! } as const;
    const rows = await readableRows(other);
    expect(JSON.stringify(rows)).not.toContain(people.bookingA);
    const { storage } = sdk(other);
    expect(await outcome(() => storage.getFile({ bucketId: "chat-images", fileId: people.photoA }))).toBe(404);
    expect(await outcome(() => storage.getFileDownload({ bucketId: "chat-images", fileId: people.photoA }))).toBe(404);
    const listed = await storage.listFiles({ bucketId: "chat-images" }).catch(() => ({ files: [] }));
    expect(listed.files.map((f) => f.$id)).not.toContain(people.photoA);
  });

  it("the realtime socket of another guest is sent nothing of booking A", async () => {
    const socket = await openRealtime(world.stack.endpoint, world.stack.projectId, {
      jwt: await realtimeJwt(people.guestB.actor),
    });
    await socket.subscribe(["rows", "files", "documents"]);
    const sent = await call(world, "customer", "POST", `/api/bookings/${people.bookingA}/messages`, {
      as: people.guestA.actor,
      json: { kind: "text", clientMessageId: `rt-${Date.now()}`, text: "only for my therapist" },
    });
    expect(sent.status).toBe(201);
    // guest B's own message: its event arriving proves the socket is live and anything earlier was not sent.
    const own = await call(world, "customer", "POST", `/api/bookings/${people.bookingB}/messages`, {
      as: people.guestB.actor,
      json: { kind: "text", clientMessageId: `rt-b-${Date.now()}`, text: "mine" },
    });
    expect(own.status).toBe(201);
    await expect.poll(() => socket.events.some((e) => JSON.stringify(e.payload).includes(people.bookingB))).toBe(true);
    expect(JSON.stringify(socket.events)).not.toContain(people.bookingA);
    socket.close();
  });
});

describe("finding 2: a therapist who accepted reads no contact detail until the customer confirms them", () => {
  it("over REST with the therapist's session and JWT, in every table", async () => {
    const therapistC = people.therapistC;
    for (const credential of [
      { kind: "session", secret: therapistC.secret! } as const,
      { kind: "jwt", jwt: await realtimeJwt(therapistC) } as const,
    ]) {
      const rows = await readableRows(credential);
      expect(await contactLeaks(JSON.stringify(rows)), `${credential.kind} reads booking C's contact details`).toEqual(
        [],
      );
      expect(await attemptWrites(credential)).toEqual([]);
    }
  });

  it("over Realtime", async () => {
    const socket = await openRealtime(world.stack.endpoint, world.stack.projectId, {
      jwt: await realtimeJwt(people.therapistC),
    });
    await socket.subscribe(["rows", "documents"]);
    // Any change to booking C (here the engine's own clock field) is delivered to whoever may read the row.
    await world.updateRow("bookings", people.bookingC, { lastEventAt: new Date().toISOString() });
    await world.updateRow("therapists", people.therapistC.therapistId, { lastBookingAt: new Date().toISOString() });
    await expect.poll(() => socket.events.some((e) => e.payload.$id === people.therapistC.therapistId)).toBe(true);
    expect(await contactLeaks(JSON.stringify(socket.events))).toEqual([]);
    socket.close();
  });

  it("through the dashboard: the accepted booking and the offer card show area, distance and first name only", async () => {
    const booking = await call(world, "therapist-dashboard", "GET", `/api/bookings/${people.bookingC}`, {
      as: people.therapistC,
    });
    expect(booking.status).toBe(200);
    expect(await contactLeaks(booking.text())).toEqual([]);
    const offers = await call(world, "therapist-dashboard", "GET", "/api/offers", { as: therapistD });
    const card = offers.json<{ offers: { bookingId: string }[] }>().offers.find((o) => o.bookingId === bookingD);
    expect(card, "therapist D's offer card").toBeTruthy();
    const text = JSON.stringify(card);
    expect(text).not.toContain(CUSTOMER_DETAILS.hotelOrVilla);
    expect(text).not.toContain(CUSTOMER_DETAILS.address);
    expect(text).not.toContain(CUSTOMER_DETAILS.roomNumber);
    expect(text).not.toContain("Clarke-Wolfe");
  });

  it("once confirmed, the therapist does see them (the product needs them to arrive)", async () => {
    const booking = await call(world, "therapist-dashboard", "GET", `/api/bookings/${people.bookingA}`, {
      as: people.therapistA,
    });
    expect(booking.text()).toContain(CUSTOMER_DETAILS.roomNumber);
  });
});

describe("finding 3: a chat message may reference only a photo uploaded to its own booking's chat", () => {
  it("guest B cannot name booking A's photo in booking B's chat, nor fetch it through booking B's image route", async () => {
    const post = await call(world, "customer", "POST", `/api/bookings/${people.bookingB}/messages`, {
      as: people.guestB.actor,
      json: { kind: "image", clientMessageId: `steal-${Date.now()}`, imageFileId: people.photoA },
    });
    // Refused as a bad reference (400/422) or as an unknown file (404): the issue leaves the exact code open.
    expect([400, 404, 422]).toContain(post.status);
    const viaCustomer = await call(
      world,
      "customer",
      "GET",
      `/api/bookings/${people.bookingB}/images/${people.photoA}`,
      {
        as: people.guestB.actor,
      },
    );
    expect(viaCustomer.status).toBe(404);
    const viaTherapist = await call(
      world,
      "therapist-dashboard",
      "GET",
      `/api/bookings/${people.bookingB}/images/${people.photoA}`,
      { as: people.therapistB },
    );
    expect(viaTherapist.status).toBe(404);
  });

  it("a stored message naming another booking's file does not open it either (the route checks the file's booking)", async () => {
    // As if an older build had let the reference through: the image route must still refuse it.
    const { tablesDB } = world.stack.admin;
    await tablesDB.createRow({
      databaseId: world.stack.databaseId,
      tableId: "messages",
      rowId: ID.unique(),
      data: {
        bookingId: people.bookingB,
        senderType: "customer",
        senderId: people.guestB.userId,
        kind: "image",
        imageFileId: people.photoA,
        clientMessageId: `planted-${Date.now()}`,
      },
    });
    const res = await call(world, "customer", "GET", `/api/bookings/${people.bookingB}/images/${people.photoA}`, {
      as: people.guestB.actor,
    });
    expect(res.status).toBe(404);
  });

  it("the owner still gets their own photo", async () => {
    const res = await call(world, "customer", "GET", `/api/bookings/${people.bookingA}/images/${people.photoA}`, {
      as: people.guestA.actor,
    });
    expect(res.status).toBe(200);
  });
});
