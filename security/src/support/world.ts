// The world the security specs run in: a fresh local Appwrite (schema + demo seed) and the production builds of the
// apps a spec needs, all against it. `setUpPeople` then makes the cast every spec attacks with, through the apps' own
// routes as a browser would (sign-in forms' endpoints, the guest session, booking, accepting, confirming):
//
//   guestA    owns booking A, confirmed with the demo therapist (therapistA)  — "owner guest"
//   guestB    owns booking B, confirmed with therapistB                       — "other guest"
//   guestC    owns booking C, accepted by therapistC, not yet confirmed       — finding 2's case
//   therapistA / therapistB / therapistC, admin                               — dashboard session cookies
//
// No worker runs and the offer window is long, so nothing moves on its own while a spec probes.
import { startLocalStack, type LocalStack } from "@tenang/testing/local-stack";
import { startNextApp, type AppName, type RunningApp } from "@tenang/testing/next-app";
import { png } from "@tenang/testing/images";
import { TABLES } from "@tenang/booking-core/resource-ids";
import { DEMO_LOGINS } from "@tenang/db/seed/demo-data";
import { ID, Permission, Query, Role, type Models } from "node-appwrite";
import { cookieFrom, rawRequest, type RawRequest, type RawResponse } from "./http";

export const OFFER_WINDOW_SECONDS = 300;

export const COOKIES = {
  customer: "tenang_guest",
  "therapist-dashboard": "tenang_session",
  "admin-dashboard": "tenang_admin_session",
} as const satisfies Record<AppName, string>;

export interface SecurityWorld {
  stack: LocalStack;
  apps: Partial<Record<AppName, RunningApp>>;
  url(app: AppName): string;
  rows(tableId: string, queries?: string[]): Promise<Models.DefaultRow[]>;
  row(tableId: string, rowId: string): Promise<Models.DefaultRow>;
  updateRow(tableId: string, rowId: string, data: Record<string, unknown>, permissions?: string[]): Promise<void>;
  close(): Promise<void>;
}

export interface WorldOptions {
  apps?: readonly AppName[];
  /** The Appwrite endpoint the apps use, when it is not the server itself (a pausable proxy in front of it). */
  appEndpoint?: (stack: LocalStack) => Promise<string>;
  env?: Record<string, string>;
}

export async function startSecurityWorld(opts: WorldOptions = {}): Promise<SecurityWorld> {
  const stack = await startLocalStack();
  const endpoint = opts.appEndpoint ? await opts.appEndpoint(stack) : stack.endpoint;
  const env = {
    ...stack.appEnv,
    APPWRITE_ENDPOINT: endpoint,
    NEXT_PUBLIC_APPWRITE_ENDPOINT: stack.endpoint,
    NEXT_PUBLIC_APPWRITE_PROJECT_ID: stack.projectId,
    OFFER_WINDOW_SECONDS: String(OFFER_WINDOW_SECONDS),
    ...opts.env,
  };
  const names = opts.apps ?? (["customer", "therapist-dashboard", "admin-dashboard"] as const);
  const started = await Promise.all(names.map((name) => startNextApp(name, env)));
  const apps: Partial<Record<AppName, RunningApp>> = {};
  names.forEach((name, i) => (apps[name] = started[i]));
  const { tablesDB } = stack.admin;
  const { databaseId } = stack;
  const world: SecurityWorld = {
    stack,
    apps,
    url: (app) => {
      const running = apps[app];
      if (!running) throw new Error(`${app} was not started in this world`);
      return running.url;
    },
    rows: async (tableId, queries = []) =>
      (await tablesDB.listRows({ databaseId, tableId, queries: [...queries, Query.limit(1000)] })).rows,
    row: (tableId, rowId) => tablesDB.getRow({ databaseId, tableId, rowId }),
    updateRow: async (tableId, rowId, data, permissions) => {
      await tablesDB.updateRow({ databaseId, tableId, rowId, data, permissions });
    },
    close: async () => {
      await Promise.all(started.map((app) => app.close()));
      await stack.close();
    },
  };
  for (const therapist of await world.rows(TABLES.therapists, [Query.equal("isOnline", true)])) {
    await world.updateRow(TABLES.therapists, therapist.$id, { isOnline: false });
  }
  return world;
}

/** Someone holding one app's session cookie (or none). */
export interface Actor {
  name: string;
  app: AppName;
  /** The session secret in the app's httpOnly cookie; null for "no cookie". */
  secret: string | null;
}

export const cookieHeader = (actor: Actor | null | undefined): Record<string, string> =>
  actor?.secret ? { cookie: `${COOKIES[actor.app]}=${encodeURIComponent(actor.secret)}` } : {};

/** A request to `app` as `actor` (their cookie, if any). JSON bodies are serialised. */
export function call(
  world: SecurityWorld,
  app: AppName,
  method: string,
  path: string,
  opts: Omit<RawRequest, "method"> & { as?: Actor | null; json?: unknown } = {},
): Promise<RawResponse> {
  const headers: Record<string, string | string[]> = { ...cookieHeader(opts.as), ...opts.headers };
  let body = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers["content-type"] = "application/json";
  }
  return rawRequest(world.url(app), path, { ...opts, method, headers, body });
}

export async function startGuest(world: SecurityWorld, name: string, headers: Record<string, string> = {}) {
  const res = await call(world, "customer", "POST", "/api/session", { headers });
  if (res.status !== 200) throw new Error(`guest session for ${name}: ${res.status} ${res.text()}`);
  const secret = cookieFrom(res, COOKIES.customer);
  if (!secret) throw new Error(`guest session for ${name}: no cookie`);
  return { actor: { name, app: "customer", secret } satisfies Actor, userId: res.json<{ userId: string }>().userId };
}

/** Signs in through a dashboard's own route; the actor holds the session cookie it set. */
export async function signIn(
  world: SecurityWorld,
  app: "therapist-dashboard" | "admin-dashboard",
  login: string,
  password: string,
  name = login,
): Promise<Actor> {
  // The therapist form takes an email or a WhatsApp number ("login"); the admin form an email.
  const json = app === "admin-dashboard" ? { email: login, password } : { login, password };
  const res = await call(world, app, "POST", "/api/auth/login", { json });
  const secret = cookieFrom(res, COOKIES[app]);
  if (res.status !== 200 || !secret) throw new Error(`sign-in of ${login} to ${app}: ${res.status} ${res.text()}`);
  return { name, app, secret };
}

/** A dashboard login for a seeded therapist, made the way operations link one (user + label + row link). */
export async function createTherapistLogin(world: SecurityWorld, therapistId: string) {
  const { users } = world.stack.admin;
  const login = { therapistId, email: `${therapistId}@security.tenang.id`, password: `security-pw-${therapistId}` };
  const user = await users.create({
    userId: ID.unique(),
    email: login.email,
    password: login.password,
    name: therapistId,
  });
  await users.updateLabels({ userId: user.$id, labels: ["therapist"] });
  await world.updateRow(TABLES.therapists, therapistId, { userId: user.$id }, [Permission.read(Role.user(user.$id))]);
  return { ...login, userId: user.$id };
}

async function poll<T>(read: () => Promise<T | null | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let keys = 0;
export const idempotencyKey = () => `security-${process.pid}-${Date.now()}-${(keys += 1)}`.padEnd(20, "0");

export const CUSTOMER_DETAILS = {
  customerName: "Emma Clarke-Wolfe",
  customerWhatsapp: "0812 7777 1234",
  address: "Jl. Kayu Aya No. 8, Seminyak",
  hotelOrVilla: "Villa Rahasia Kembang",
  roomNumber: "Suite 42",
} as const;

/** A Book-now at the therapist's doorstep through POST /api/bookings; returns the booking id. */
export async function bookNow(world: SecurityWorld, guest: Actor, therapistId: string, whatsapp: string) {
  const therapist = await world.row(TABLES.therapists, therapistId);
  const res = await call(world, "customer", "POST", "/api/bookings", {
    as: guest,
    headers: { "idempotency-key": idempotencyKey() },
    json: {
      source: "bookNow",
      kind: "immediate",
      duration: 60,
      ...CUSTOMER_DETAILS,
      customerWhatsapp: whatsapp,
      lat: (therapist.lat as number) + 0.0011,
      lng: (therapist.lng as number) + 0.0013,
      locale: "en",
    },
  });
  if (res.status !== 201) throw new Error(`booking for ${guest.name}: ${res.status} ${res.text()}`);
  return res.json<{ booking: { id: string } }>().booking.id;
}

/** The therapist's open offer for the booking, accepted through the dashboard's route. */
export async function acceptOffer(world: SecurityWorld, therapist: Actor, bookingId: string): Promise<string> {
  const offerId = await poll(async () => {
    const res = await call(world, "therapist-dashboard", "GET", "/api/offers", { as: therapist });
    return res.json<{ offers: { id: string; bookingId: string }[] }>().offers.find((o) => o.bookingId === bookingId)
      ?.id;
  }, `an offer of ${bookingId} to ${therapist.name}`);
  const res = await call(world, "therapist-dashboard", "POST", `/api/offers/${offerId}/accept`, {
    as: therapist,
    json: {},
  });
  if (res.status !== 200) throw new Error(`accept by ${therapist.name}: ${res.status} ${res.text()}`);
  return offerId;
}

export async function confirmTherapist(world: SecurityWorld, guest: Actor, bookingId: string): Promise<void> {
  const current = await call(world, "customer", "GET", `/api/bookings/${bookingId}`, { as: guest });
  const { version } = current.json<{ booking: { version: number } }>().booking;
  const res = await call(world, "customer", "POST", `/api/bookings/${bookingId}/decision`, {
    as: guest,
    json: { expectedVersion: version, decision: "accept" },
  });
  if (res.status !== 200) throw new Error(`confirm by ${guest.name}: ${res.status} ${res.text()}`);
}

export async function setOnline(world: SecurityWorld, therapist: Actor, online: boolean): Promise<void> {
  const res = await call(world, "therapist-dashboard", "POST", "/api/me/online", { as: therapist, json: { online } });
  if (res.status !== 200) throw new Error(`online=${online} for ${therapist.name}: ${res.status} ${res.text()}`);
}

/** A real PNG as a multipart body with the chat upload's fields. */
export function chatImageForm(clientMessageId: string): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----security${Date.now()}`;
  const parts = [
    `--${boundary}\r\nContent-Disposition: form-data; name="clientMessageId"\r\n\r\n${clientMessageId}\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n`,
  ];
  const body = Buffer.concat([Buffer.from(parts.join("")), png(32, 32), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

export interface Person {
  actor: Actor;
  userId: string;
}

export interface People {
  none: null;
  guestA: Person;
  guestB: Person;
  guestC: Person;
  therapistA: Actor & { therapistId: string };
  therapistB: Actor & { therapistId: string; login: string; password: string };
  therapistC: Actor & { therapistId: string; login: string; password: string };
  admin: Actor;
  bookingA: string;
  bookingB: string;
  bookingC: string;
  /** A photo in booking A's chat, sent by guest A. */
  photoA: string;
  offerA: string;
}

export const WHATSAPP = { A: "0812 7777 1001", B: "0812 7777 2002", C: "0812 7777 3003" } as const;

/** Seminyak therapists (seed: every 7th from therapist-01): near one another, so one booking fits each. */
const THERAPIST_B = "therapist-08";
const THERAPIST_C = "therapist-15";

export async function setUpPeople(world: SecurityWorld): Promise<People> {
  const therapistA = {
    ...(await signIn(
      world,
      "therapist-dashboard",
      DEMO_LOGINS.therapist.email,
      DEMO_LOGINS.therapist.password,
      "therapistA",
    )),
    therapistId: "therapist-01",
  };
  const loginB = await createTherapistLogin(world, THERAPIST_B);
  const loginC = await createTherapistLogin(world, THERAPIST_C);
  const therapistB = {
    ...(await signIn(world, "therapist-dashboard", loginB.email, loginB.password, "therapistB")),
    therapistId: THERAPIST_B,
    login: loginB.email,
    password: loginB.password,
  };
  const therapistC = {
    ...(await signIn(world, "therapist-dashboard", loginC.email, loginC.password, "therapistC")),
    therapistId: THERAPIST_C,
    login: loginC.email,
    password: loginC.password,
  };
  const admin = await signIn(world, "admin-dashboard", DEMO_LOGINS.admin.email, DEMO_LOGINS.admin.password, "admin");
  const guestA = await startGuest(world, "guestA");
  const guestB = await startGuest(world, "guestB");
  const guestC = await startGuest(world, "guestC");

  // One therapist online at a time, so dispatch offers each booking to the one we mean.
  await setOnline(world, therapistA, true);
  const bookingA = await bookNow(world, guestA.actor, therapistA.therapistId, WHATSAPP.A);
  const offerA = await acceptOffer(world, therapistA, bookingA);
  await confirmTherapist(world, guestA.actor, bookingA);

  await setOnline(world, therapistB, true);
  const bookingB = await bookNow(world, guestB.actor, therapistB.therapistId, WHATSAPP.B);
  await acceptOffer(world, therapistB, bookingB);
  await confirmTherapist(world, guestB.actor, bookingB);

  await setOnline(world, therapistC, true);
  const bookingC = await bookNow(world, guestC.actor, therapistC.therapistId, WHATSAPP.C);
  await acceptOffer(world, therapistC, bookingC);

  const form = chatImageForm(`photo-a-${Date.now()}`);
  const upload = await call(world, "customer", "POST", `/api/bookings/${bookingA}/images`, {
    as: guestA.actor,
    body: form.body,
    headers: form.headers,
  });
  if (upload.status !== 201) throw new Error(`photo upload: ${upload.status} ${upload.text()}`);
  const photoA = upload.json<{ message: { imageFileId: string } }>().message.imageFileId;
  if (!photoA) throw new Error(`photo upload answered no file id: ${upload.text()}`);

  return {
    none: null,
    guestA,
    guestB,
    guestC,
    therapistA,
    therapistB,
    therapistC,
    admin,
    bookingA,
    bookingB,
    bookingC,
    photoA,
    offerA,
  };
}
