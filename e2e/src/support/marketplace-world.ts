// The world the cross-app specs run in: one fresh local Appwrite (schema + demo seed), the production builds of the
// customer app and the therapist dashboard against it with the same offer window, the worker running with that window
// too (as `pnpm dev` does), and one Chromium for every person in the test. Nobody is
// online at the start: each test puts online exactly the therapists it wants dispatch to choose from.
import { TABLES, type TableId } from "@tenang/booking-core/resource-ids";
import { launchBrowser } from "@tenang/testing/browser";
import { startLocalStack, type LocalStack } from "@tenang/testing/local-stack";
import { startNextApp, type RunningApp } from "@tenang/testing/next-app";
import { startWorker } from "@tenang/testing/worker";
import { AppwriteException, Query, type Models } from "node-appwrite";
import type { Browser, Page } from "playwright-core";

/**
 * Long enough that no offer runs out while a busy 2-core machine renders a page or a test reads the database (the
 * specs never wait for an expiry), short enough for the ride-hailing numbers the product copies (15–30 s).
 */
export const OFFER_WINDOW_SECONDS = 20;

/** Where the happy path's screenshots go (docs/screenshots at the repository root). */
export const SCREENSHOTS = new URL("../../../docs/screenshots/", import.meta.url).pathname;

export interface MarketplaceWorld {
  stack: LocalStack;
  customerApp: RunningApp;
  dashboardApp: RunningApp;
  browser: Browser;
  row(tableId: TableId, rowId: string): Promise<Models.DefaultRow>;
  /** The row, or null when there is none. */
  rowOrNull(tableId: TableId, rowId: string): Promise<Models.DefaultRow | null>;
  rows(tableId: TableId, queries?: string[]): Promise<Models.DefaultRow[]>;
  updateRow(tableId: TableId, rowId: string, data: Record<string, unknown>, permissions?: string[]): Promise<void>;
  close(): Promise<void>;
}

export async function startMarketplaceWorld(): Promise<MarketplaceWorld> {
  const stack = await startLocalStack();
  const env = { ...stack.appEnv, OFFER_WINDOW_SECONDS: String(OFFER_WINDOW_SECONDS) };
  const [customerApp, dashboardApp, worker] = await Promise.all([
    startNextApp("customer", env),
    startNextApp("therapist-dashboard", env),
    startWorker(env),
  ]);
  const browser = await launchBrowser();
  const { tablesDB } = stack.admin;
  const { databaseId } = stack;

  const world: MarketplaceWorld = {
    stack,
    customerApp,
    dashboardApp,
    browser,
    row: (tableId, rowId) => tablesDB.getRow({ databaseId, tableId, rowId }),
    rowOrNull: async (tableId, rowId) => {
      try {
        return await tablesDB.getRow<Models.DefaultRow>({ databaseId, tableId, rowId });
      } catch (error) {
        if (error instanceof AppwriteException && error.code === 404) return null;
        throw error;
      }
    },
    rows: async (tableId, queries = []) =>
      (await tablesDB.listRows({ databaseId, tableId, queries: [...queries, Query.limit(1000)] })).rows,
    updateRow: async (tableId, rowId, data, permissions) => {
      await tablesDB.updateRow({ databaseId, tableId, rowId, data, permissions });
    },
    close: async () => {
      await worker.stop();
      await browser.close();
      await Promise.all([customerApp.close(), dashboardApp.close()]);
      await stack.close();
    },
  };

  for (const therapist of await world.rows(TABLES.therapists, [Query.equal("isOnline", true)])) {
    await world.updateRow(TABLES.therapists, therapist.$id, { isOnline: false });
  }
  return world;
}

/** Polls `read` until it returns something other than null/undefined/false; never a fixed sleep. */
export async function waitFor<T>(
  read: () => Promise<T | null | undefined | false>,
  { timeoutMs = 15_000, intervalMs = 50, what = "condition" } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The booking's offers, oldest attempt first. */
export async function offersOf(world: MarketplaceWorld, bookingId: string): Promise<Models.DefaultRow[]> {
  const offers = await world.rows(TABLES.offers, [Query.equal("bookingId", bookingId)]);
  return offers.sort((a, b) => Number(a.attempt) - Number(b.attempt));
}

/** The booking's commission record, if one was made (its id is the booking's). */
export function commissionOf(world: MarketplaceWorld, bookingId: string): Promise<Models.DefaultRow | null> {
  return world.rowOrNull(TABLES.commissions, bookingId);
}

/** Screenshots of every named page, into e2e/test-results/ (git-ignored), for a failed test's report. */
export async function dumpScreens(testName: string, pages: Record<string, Page | undefined>): Promise<void> {
  const dir = new URL("../../test-results/", import.meta.url).pathname;
  const slug = testName.replace(/[^a-z0-9]+/gi, "-").slice(0, 60);
  for (const [name, page] of Object.entries(pages)) {
    if (!page || page.isClosed()) continue;
    await page
      .screenshot({ path: `${dir}${slug}-${name}.png`, fullPage: true })
      .then(() => console.log(`screenshot: ${dir}${slug}-${name}.png (${page.url()})`))
      .catch(() => undefined);
  }
}
