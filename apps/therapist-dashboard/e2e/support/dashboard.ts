// The therapist dashboard's e2e world: a fresh local Appwrite with the demo seed, the production build of this app
// (6-second offers), headless Chromium, and the booking engine itself for what the customer, operations and the
// sweeper do. Every therapist starts offline, so whoever a test puts online is the only one dispatch can pick.
import { createBookingServerContext, type BookingServerContext } from "@tenang/booking-server/context";
import { createBooking } from "@tenang/booking-server/bookings/create-booking";
import { TABLES, type TableId } from "@tenang/booking-core/resource-ids";
import { createBookingInputSchema } from "@tenang/booking-core/schemas/booking";
import { launchBrowser, PHONE_VIEWPORT } from "@tenang/testing/browser";
import { startLocalStack, type LocalStack } from "@tenang/testing/local-stack";
import { startNextApp, type RunningApp } from "@tenang/testing/next-app";
import { DEMO_LOGINS } from "@tenang/db/seed/demo-data";
import { Query, type Models } from "node-appwrite";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";

export const OFFER_WINDOW_SECONDS = 6;
export const DEMO_THERAPIST_ID = "therapist-01";
export const SCREENSHOTS = "../../docs/screenshots";

export interface World {
  stack: LocalStack;
  app: RunningApp;
  browser: Browser;
  /** The booking engine as the customer app and admin dashboard use it (real clock). */
  ctx: BookingServerContext;
  /** The same engine with its clock moved forward, for deadlines (the sweeper "later"). */
  ctxAt(offsetMs: number): BookingServerContext;
  row(tableId: TableId, rowId: string): Promise<Models.DefaultRow>;
  rows(tableId: TableId, queries: string[]): Promise<Models.DefaultRow[]>;
  updateRow(tableId: TableId, rowId: string, data: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const stack = await startLocalStack();
  const app = await startNextApp("therapist-dashboard", {
    ...stack.appEnv,
    OFFER_WINDOW_SECONDS: String(OFFER_WINDOW_SECONDS),
  });
  const browser = await launchBrowser();
  const ctxAt = (offsetMs: number) =>
    createBookingServerContext({
      endpoint: stack.endpoint,
      projectId: stack.projectId,
      apiKey: stack.apiKey,
      databaseId: stack.databaseId,
      offerWindowSeconds: OFFER_WINDOW_SECONDS,
      clock: () => new Date(Date.now() + offsetMs),
    });
  const tablesDB = stack.admin.tablesDB;
  const databaseId = stack.databaseId;
  const world: World = {
    stack,
    app,
    browser,
    ctx: ctxAt(0),
    ctxAt,
    row: (tableId, rowId) => tablesDB.getRow({ databaseId, tableId, rowId }),
    rows: async (tableId, queries) =>
      (await tablesDB.listRows({ databaseId, tableId, queries: [...queries, Query.limit(500)] })).rows,
    updateRow: async (tableId, rowId, data) => {
      await tablesDB.updateRow({ databaseId, tableId, rowId, data });
    },
    close: async () => {
      await browser.close();
      await app.close();
      await stack.close();
    },
  };
  for (const therapist of await world.rows(TABLES.therapists, [Query.equal("isOnline", true)])) {
    await world.updateRow(TABLES.therapists, therapist.$id, { isOnline: false });
  }
  return world;
}

export interface SignedIn {
  context: BrowserContext;
  page: Page;
}

/** Signs in through the form and waits until the dashboard's realtime socket is live. */
export async function signIn(
  world: World,
  login: string = DEMO_LOGINS.therapist.email,
  password: string = DEMO_LOGINS.therapist.password,
): Promise<SignedIn> {
  const context = await world.browser.newContext({ viewport: PHONE_VIEWPORT });
  const page = await context.newPage();
  await page.goto(`${world.app.url}/login`);
  await page.getByLabel(/email/i).fill(login);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.getByTestId("dashboard").waitFor();
  await waitForLive(page);
  return { context, page };
}

export async function waitForLive(page: Page): Promise<void> {
  await page.locator('[data-testid="live-status"][data-state="live"]').waitFor();
}

/** Taps "Go online" (which also unlocks the alarm sound: it is the first tap on the page). */
export async function goOnline(page: Page): Promise<void> {
  await page.getByTestId("online-toggle").click();
  await page.locator('[data-testid="online-status"][data-state="online"]').waitFor();
}

let customers = 0;
export function newCustomerId(): string {
  customers += 1;
  return `e2e-customer-${process.pid}-${customers}`;
}

let keys = 0;
function newIdempotencyKey(): string {
  keys += 1;
  return `e2e-${Date.now()}-${keys}`.padEnd(16, "0");
}

/** A "Book now" for 60 minutes at the demo therapist's doorstep, created the way the customer app creates it. */
export async function bookNow(world: World, customerId: string, overrides: Record<string, unknown> = {}) {
  const demo = await world.row(TABLES.therapists, DEMO_THERAPIST_ID);
  const input = createBookingInputSchema.parse({
    source: "bookNow",
    kind: "immediate",
    duration: 60,
    customerName: "Emma Clarke",
    customerWhatsapp: "0812 3456 7890",
    address: "Jl. Kayu Aya No. 8, Seminyak",
    hotelOrVilla: "Villa Kembang",
    roomNumber: "12",
    lat: demo.lat as number,
    lng: demo.lng as number,
    locale: "en",
    ...overrides,
  });
  return createBooking(world.ctx, { customerId, input, idempotencyKey: newIdempotencyKey() });
}

export const offerCard = (page: Page, bookingId: string) =>
  page.locator(`[data-testid="offer-card"][data-booking-id="${bookingId}"]`);

/** The booking page's status, once it shows the given one. */
export async function expectBookingStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="booking-status"][data-status="${status}"]`).waitFor();
}

export async function liveEventCount(page: Page, table: string): Promise<number> {
  return Number(await page.getByTestId("live-status").getAttribute(`data-events-${table}`));
}

export { expect };

/** Tomorrow at `hour`:00 WITA (UTC+8) as UTC ISO: always ≥ 2 h ahead, on the slot grid, inside working hours. */
export function tomorrowAtWita(hour: number, nowMs: number = Date.now()): string {
  const wita = new Date(nowMs + 8 * 3_600_000);
  return new Date(Date.UTC(wita.getUTCFullYear(), wita.getUTCMonth(), wita.getUTCDate() + 1, hour - 8)).toISOString();
}
