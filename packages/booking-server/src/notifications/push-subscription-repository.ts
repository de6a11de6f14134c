import "server-only";
// The only file that reads and writes push_subscriptions. A row's $id is derived from the endpoint, so a browser that
// subscribes again (new keys, another language, another person signed in on it) replaces its row instead of adding one.
import { createHash } from "node:crypto";
import type { Locale } from "@tenang/booking-core/locale";
import { TABLES } from "@tenang/booking-core/resource-ids";
import type { PushApp, PushSubscriptionInput } from "@tenang/booking-core/schemas/push";
import { Query } from "node-appwrite";
import { isNotFound } from "../appwrite/appwrite-errors";
import type { BookingServerContext } from "../context";
import { type Row, getRowOrNull, listRows } from "../shared/rows";

export interface StoredPushSubscription {
  id: string;
  userId: string;
  app: PushApp;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  locale: Locale;
}

/** 32 hex characters of SHA-256: a valid Appwrite id (≤ 36) that names one endpoint. */
export function pushSubscriptionId(endpoint: string): string {
  return createHash("sha256").update(endpoint).digest("hex").slice(0, 32);
}

function subscriptionFromRow(row: Row): StoredPushSubscription {
  return {
    id: row.$id,
    userId: String(row.userId),
    app: row.app as PushApp,
    endpoint: String(row.endpoint),
    keys: { p256dh: String(row.p256dh), auth: String(row.auth) },
    locale: row.locale === "id" ? "id" : "en",
  };
}

/** Stores (or replaces) this browser's subscription for `userId` in `app`. */
export async function savePushSubscription(
  ctx: BookingServerContext,
  input: { userId: string; app: PushApp; subscription: PushSubscriptionInput },
): Promise<StoredPushSubscription> {
  const { subscription } = input;
  const row = await ctx.tablesDB.upsertRow<Row>({
    databaseId: ctx.databaseId,
    tableId: TABLES.pushSubscriptions,
    rowId: pushSubscriptionId(subscription.endpoint),
    data: {
      userId: input.userId,
      app: input.app,
      endpoint: subscription.endpoint,
      p256dh: subscription.keys.p256dh,
      auth: subscription.keys.auth,
      locale: subscription.locale,
      createdAt: ctx.clock().toISOString(),
    },
    // Server-only: whoever holds the keys can push to this browser.
    permissions: [],
  });
  return subscriptionFromRow(row);
}

/** Forgets this browser's subscription if it is `userId`'s (another person's row is left alone). */
export async function deletePushSubscription(
  ctx: BookingServerContext,
  input: { userId: string; endpoint: string },
): Promise<void> {
  const id = pushSubscriptionId(input.endpoint);
  const row = await getRowOrNull(ctx, TABLES.pushSubscriptions, id);
  if (row === null || row.userId !== input.userId) return;
  await removePushSubscription(ctx, id);
}

/** Drops a subscription the push service called gone (404/410); already gone is fine. */
export async function removePushSubscription(ctx: BookingServerContext, id: string): Promise<void> {
  try {
    await ctx.tablesDB.deleteRow({ databaseId: ctx.databaseId, tableId: TABLES.pushSubscriptions, rowId: id });
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

export async function findPushSubscription(
  ctx: BookingServerContext,
  id: string,
): Promise<StoredPushSubscription | null> {
  const row = await getRowOrNull(ctx, TABLES.pushSubscriptions, id);
  return row && subscriptionFromRow(row);
}

/** Every browser `userId` allowed notifications on in `app` (a person has a handful at most). */
export async function listPushSubscriptions(
  ctx: BookingServerContext,
  userId: string,
  app: PushApp,
): Promise<StoredPushSubscription[]> {
  const rows = await listRows(ctx, TABLES.pushSubscriptions, [
    Query.equal("userId", userId),
    Query.equal("app", app),
    Query.limit(20),
  ]);
  return rows.map(subscriptionFromRow);
}
