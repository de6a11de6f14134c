// The world the booking specs run in: a fresh local Appwrite with the demo seed, the customer app on `next start`
// with a short offer window, the worker running next to it with the same window (as `pnpm dev` does), a
// booking-server context for acting as the therapist, and Chromium. Helpers decide who is online, so dispatch is
// deterministic, and wait on the database by polling, never by sleeping a fixed time.
import { isDomainError } from "@tenang/booking-core/errors";
import { TABLES, type TableId } from "@tenang/booking-core/resource-ids";
import { createBookingServerContext, type BookingServerContext } from "@tenang/booking-server/context";
import { respondToOffer } from "@tenang/booking-server/bookings/respond-to-offer";
import { launchBrowser, PHONE_VIEWPORT } from "@tenang/testing/browser";
import { startLocalStack, type LocalStack } from "@tenang/testing/local-stack";
import { startNextApp, type RunningApp } from "@tenang/testing/next-app";
import { startWorker, type RunningWorker } from "@tenang/testing/worker";
import { Query, type Models } from "node-appwrite";
import type { Browser, BrowserContext, Page } from "playwright-core";

export const OFFER_WINDOW_SECONDS = 4;
export const SCREENSHOTS = "../../docs/screenshots";

export interface BookingWorld {
  stack: LocalStack;
  app: RunningApp;
  browser: Browser;
  ctx: BookingServerContext;
  /** The marketplace's worker (a child process): the only thing that moves deadlines here. */
  worker: RunningWorker;
  close(): Promise<void>;
}

export async function startBookingWorld(): Promise<BookingWorld> {
  const stack = await startLocalStack();
  const env = { ...stack.appEnv, OFFER_WINDOW_SECONDS: String(OFFER_WINDOW_SECONDS) };
  const [app, worker] = await Promise.all([startNextApp("customer", env), startWorker(env)]);
  const browser = await launchBrowser();
  const ctx = createBookingServerContext({
    endpoint: stack.endpoint,
    projectId: stack.projectId,
    apiKey: stack.apiKey,
    databaseId: stack.databaseId,
    offerWindowSeconds: OFFER_WINDOW_SECONDS,
  });
  return {
    stack,
    app,
    browser,
    ctx,
    worker,
    async close() {
      await worker.stop();
      await browser.close();
      await app.close();
      await stack.close();
    },
  };
}

/** A phone-sized guest: a browser context of its own (its own cookies, so its own anonymous session). */
export async function newGuest(world: BookingWorld): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world.browser.newContext({ viewport: PHONE_VIEWPORT, locale: "en-US" });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

export async function rows(
  world: BookingWorld,
  tableId: TableId,
  queries: string[] = [],
): Promise<Models.DefaultRow[]> {
  const { rows: found } = await world.stack.admin.tablesDB.listRows({
    databaseId: world.stack.databaseId,
    tableId,
    queries: [...queries, Query.limit(1000)],
  });
  return found;
}

export async function row(world: BookingWorld, tableId: TableId, rowId: string): Promise<Models.DefaultRow> {
  return world.stack.admin.tablesDB.getRow({ databaseId: world.stack.databaseId, tableId, rowId });
}

/**
 * Only these therapists are online and free; everyone else is offline. The seeded Seminyak therapists are
 * therapist-01, -08, -15, -22 and -29 (every 7th), all within a couple of km of the area's centre.
 */
export async function onlyOnline(world: BookingWorld, therapistIds: readonly string[]): Promise<void> {
  for (const therapist of await rows(world, TABLES.therapists)) {
    const online = therapistIds.includes(therapist.$id);
    if (therapist.isOnline === online && (!online || therapist.isBusy === false)) continue;
    await world.stack.admin.tablesDB.updateRow({
      databaseId: world.stack.databaseId,
      tableId: TABLES.therapists,
      rowId: therapist.$id,
      data: online ? { isOnline: true, isBusy: false, missedOffersInRow: 0 } : { isOnline: false },
    });
  }
}

/** Polls `read` until it returns something other than null/undefined/false. */
export async function waitFor<T>(
  read: () => Promise<T | null | undefined | false>,
  { timeoutMs = 15_000, intervalMs = 100, what = "condition" } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The booking's offer that is waiting for an answer (after `attempt`, if given). */
export function pendingOffer(world: BookingWorld, bookingId: string, attempt?: number) {
  return waitFor(
    async () =>
      (await rows(world, TABLES.offers, [Query.equal("bookingId", bookingId), Query.equal("status", "pending")])).find(
        (offer) => attempt === undefined || offer.attempt === attempt,
      ),
    { what: `a pending offer for ${bookingId}${attempt ? ` (attempt ${attempt})` : ""}` },
  );
}

/**
 * The therapist of the booking's current offer accepts it. With 4 s offers an offer can run out between reading it
 * and answering; then the next therapist's offer is the one to accept. Returns who accepted.
 */
export async function acceptCurrentOffer(world: BookingWorld, bookingId: string): Promise<string> {
  for (let tries = 0; tries < 5; tries += 1) {
    const offer = await pendingOffer(world, bookingId);
    const therapistId = String(offer.therapistId);
    try {
      await respondToOffer(world.ctx, { therapistId, offerId: offer.$id, response: "accept" });
      return therapistId;
    } catch (error) {
      if (!isDomainError(error) || error.code !== "no_longer_available") throw error;
      console.warn(`offer ${offer.$id} could not be accepted: ${error.message}`);
    }
  }
  throw new Error(`no offer of ${bookingId} could be accepted`);
}

/** The id of the booking the chat window shows (it appears once the booking exists). */
export async function bookingIdOn(page: Page): Promise<string> {
  const chat = page.getByTestId("booking-chat");
  await chat.waitFor();
  const id = await chat.getAttribute("data-booking-id");
  if (!id) throw new Error("the chat shows no booking id");
  return id;
}

export interface GuestDetails {
  name?: string;
  whatsapp?: string;
  address?: string;
  area?: string;
  hotel?: string;
  room?: string;
}

/** Fills the service confirmation card (location by area, so no geolocation prompt is involved). */
export async function fillServiceCard(page: Page, details: GuestDetails = {}): Promise<void> {
  await page.getByTestId("service-confirmation").waitFor();
  await page.getByLabel("Area").selectOption({ label: details.area ?? "Seminyak" });
  await page.getByLabel("Address").fill(details.address ?? "Jl. Kayu Aya No. 8, Seminyak");
  if (details.hotel) await page.getByLabel("Hotel or villa (optional)").fill(details.hotel);
  if (details.room) await page.getByLabel("Room (optional)").fill(details.room);
  const name = page.getByLabel("Your name");
  if (details.name !== undefined || (await name.inputValue()) === "") await name.fill(details.name ?? "Emma Clarke");
  const whatsapp = page.getByLabel("WhatsApp number");
  if (details.whatsapp !== undefined || (await whatsapp.inputValue()) === "") {
    await whatsapp.fill(details.whatsapp ?? "0812 3456 7890");
  }
}
