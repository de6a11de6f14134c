import "server-only";
// The only file that reads and writes notification rows (packages/db schema: one row per notification and device).
import { randomBytes } from "node:crypto";
import type { Locale } from "@tenang/booking-core/locale";
import { TABLES } from "@tenang/booking-core/resource-ids";
import type { NotificationChannel, NotificationStatus, PushApp } from "@tenang/booking-core/schemas/push";
import { Query } from "node-appwrite";
import type { BookingServerContext } from "../context";
import { type Row, getRowOrNull, listRows } from "../shared/rows";
import type { PushPayload } from "./notification-content";

/** How long the first try of a new row has before the retry job may take it over. */
export const FIRST_TRY_GRACE_MS = 30_000;

export interface StoredNotification {
  id: string;
  userId: string;
  app: PushApp;
  kind: string;
  channel: NotificationChannel;
  /** push: the device's push_subscriptions row; whatsapp: "whatsapp". */
  subscriptionId: string;
  /** whatsapp: the E.164 number. */
  recipientPhone: string | null;
  locale: Locale;
  bookingId: string | null;
  status: NotificationStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  payload: PushPayload;
  createdAt: string;
}

function notificationFromRow(row: Row): StoredNotification {
  return {
    id: row.$id,
    userId: String(row.userId),
    app: row.app as PushApp,
    kind: String(row.kind),
    channel: row.channel === "whatsapp" ? "whatsapp" : "push",
    subscriptionId: String(row.subscriptionId),
    recipientPhone: (row.recipientPhone as string | null) ?? null,
    locale: row.locale === "id" ? "id" : "en",
    bookingId: (row.bookingId as string | null) ?? null,
    status: row.status as NotificationStatus,
    attempts: Number(row.attempts ?? 0),
    nextAttemptAt: (row.nextAttemptAt as string | null) ?? null,
    lastError: (row.lastError as string | null) ?? null,
    payload: JSON.parse(String(row.payload)) as PushPayload,
    createdAt: String(row.createdAt),
  };
}

/**
 * A random 128-bit id: the service worker reports delivery and taps with it and nothing else, so it must not be
 * guessable (Appwrite's ID.unique() is time-based).
 */
export function newNotificationId(): string {
  return randomBytes(16).toString("hex");
}

export async function createNotification(
  ctx: BookingServerContext,
  input: Omit<StoredNotification, "attempts" | "lastError" | "status" | "nextAttemptAt" | "createdAt">,
): Promise<StoredNotification> {
  const at = ctx.clock().toISOString();
  const row = await ctx.tablesDB.createRow<Row>({
    databaseId: ctx.databaseId,
    tableId: TABLES.notifications,
    rowId: input.id,
    data: {
      userId: input.userId,
      app: input.app,
      kind: input.kind,
      channel: input.channel,
      subscriptionId: input.subscriptionId,
      recipientPhone: input.recipientPhone,
      locale: input.locale,
      bookingId: input.bookingId,
      status: "pending",
      attempts: 0,
      // The first try runs right after this; if it never finishes (the process died, a serverless request ended),
      // the retry job picks the row up once this grace has passed — not sooner, so the two do not both send it.
      nextAttemptAt: new Date(ctx.clock().getTime() + FIRST_TRY_GRACE_MS).toISOString(),
      payload: JSON.stringify(input.payload),
      createdAt: at,
      updatedAt: at,
    },
  });
  return notificationFromRow(row);
}

export async function updateNotification(
  ctx: BookingServerContext,
  id: string,
  patch: Partial<Pick<StoredNotification, "status" | "attempts" | "nextAttemptAt" | "lastError">>,
): Promise<void> {
  await ctx.tablesDB.updateRow({
    databaseId: ctx.databaseId,
    tableId: TABLES.notifications,
    rowId: id,
    data: { ...patch, updatedAt: ctx.clock().toISOString() },
  });
}

export async function findNotification(ctx: BookingServerContext, id: string): Promise<StoredNotification | null> {
  const row = await getRowOrNull(ctx, TABLES.notifications, id);
  return row && notificationFromRow(row);
}

/** Pending rows whose next attempt is due, oldest first. */
export async function listDueNotifications(
  ctx: BookingServerContext,
  now: Date,
  limit: number,
): Promise<StoredNotification[]> {
  const rows = await listRows(ctx, TABLES.notifications, [
    Query.equal("status", "pending"),
    Query.lessThanEqual("nextAttemptAt", now.toISOString()),
    Query.orderAsc("nextAttemptAt"),
    Query.limit(limit),
  ]);
  return rows.map(notificationFromRow);
}

/** Counts by status of the notifications created since `since`: the health monitor's delivery rate. */
export async function countNotificationsSince(
  ctx: BookingServerContext,
  since: Date,
): Promise<Record<NotificationStatus, number>> {
  const counts: Record<NotificationStatus, number> = { pending: 0, sent: 0, delivered: 0, clicked: 0, failed: 0 };
  for (const status of Object.keys(counts) as NotificationStatus[]) {
    const { total } = await ctx.tablesDB.listRows({
      databaseId: ctx.databaseId,
      tableId: TABLES.notifications,
      queries: [
        Query.equal("status", status),
        Query.greaterThanEqual("createdAt", since.toISOString()),
        Query.limit(1),
      ],
    });
    counts[status] = total;
  }
  return counts;
}

/** When the next pending notification is due for a try (the worker sleeps until then), or null if none waits. */
export async function nextNotificationAttemptAt(ctx: BookingServerContext): Promise<Date | null> {
  const rows = await listRows(ctx, TABLES.notifications, [
    Query.equal("status", "pending"),
    Query.isNotNull("nextAttemptAt"),
    Query.orderAsc("nextAttemptAt"),
    Query.limit(1),
  ]);
  const next = rows[0] ? notificationFromRow(rows[0]).nextAttemptAt : null;
  return next ? new Date(next) : null;
}
