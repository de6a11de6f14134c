// Reads every stored row back the way the apps read them: booking-server's row mappers (which parse with
// booking-core's schemas) where one exists, booking-core's schema directly otherwise. A table with no entry here
// fails the check, so a new table cannot escape it.
import { bookingSchema } from "@tenang/booking-core/schemas/booking";
import {
  notificationChannels,
  notificationStatuses,
  pushApps,
  pushEndpointSchema,
} from "@tenang/booking-core/schemas/push";
import { placeSchema } from "@tenang/booking-core/schemas/place";
import { discountCodeSchema } from "@tenang/booking-core/schemas/discount-code";
import { bookingFromRow } from "@tenang/booking-server/shared/booking-repository";
import { commissionFromRow } from "@tenang/booking-server/shared/commission-repository";
import { messageFromRow } from "@tenang/booking-server/messages/message-repository";
import { offerFromRow } from "@tenang/booking-server/offers/offer-repository";
import { ratingFromRow } from "@tenang/booking-server/ratings/rating-repository";
import { therapistFromRow } from "@tenang/booking-server/therapists/therapist-repository";
import { tables } from "@tenang/db/schema";
import { Query, type Models } from "node-appwrite";
import { z } from "zod";
import type { SecurityWorld } from "./world";

type Row = Models.DefaultRow;

// Lock and audit rows have no domain type: their columns must still be what the engine writes.
const lockRow = (columns: Record<string, z.ZodType>) => (row: Row) => z.object(columns).parse(row);
const id = z.string().min(1).max(36);
const count = z.number().int().min(0);
const when = z.iso.datetime({ offset: true });

export const rowParsers: Record<string, (row: Row) => unknown> = {
  bookings: bookingFromRow,
  offers: offerFromRow,
  messages: messageFromRow,
  commissions: commissionFromRow,
  ratings: ratingFromRow,
  therapists: therapistFromRow,
  places: (row) =>
    placeSchema.parse({
      ...row,
      id: row.$id,
      openingHours: { start: row.openingHoursStart ?? "09:00", end: row.openingHoursEnd ?? "21:00" },
    }),
  discount_codes: (row) => discountCodeSchema.parse({ ...row, id: row.$id }),
  booking_transitions: lockRow({
    bookingId: id,
    fromVersion: count,
    event: z.string().min(1),
    toStatus: z.string().min(1),
  }),
  therapist_holds: lockRow({ therapistId: id, holdVersion: count, reason: z.string().min(1) }),
  customer_holds: lockRow({ customerId: id, sequence: z.number().int().min(1), bookingId: id }),
  booking_updates: lockRow({
    bookingId: id,
    status: bookingSchema.shape.status,
    version: count,
    updatedAt: z.iso.datetime({ offset: true }),
  }),
  // Two shapes share the table: token buckets (state = {tokens, updatedAt}) and fixed-window attempt counters
  // (state = {resetAt}, count moved by Appwrite's bounded increment).
  rate_limits: (row) =>
    z
      .union([
        z.object({ tokens: z.number(), updatedAt: z.number() }),
        z.object({ resetAt: z.iso.datetime({ offset: true }) }),
      ])
      .parse(JSON.parse(String(row.state))),
  // A device a push may go to: the endpoint must still pass the subscribe route's guard (https, no internal host).
  push_subscriptions: lockRow({
    userId: id,
    app: z.enum(pushApps),
    endpoint: pushEndpointSchema,
    p256dh: z.string().min(1),
    auth: z.string().min(1),
    createdAt: when,
  }),
  notifications: (row) =>
    lockRow({
      userId: id,
      app: z.enum(pushApps),
      kind: z.string().min(1),
      channel: z.enum(notificationChannels),
      subscriptionId: z.string().min(1),
      status: z.enum(notificationStatuses),
      attempts: count,
      nextAttemptAt: when.nullable(),
      createdAt: when,
    })({ ...row, payload: JSON.parse(String(row.payload)) }),
  backup_runs: lockRow({
    kind: z.enum(["backup", "restore"]),
    trigger: z.enum(["scheduled", "manual"]),
    startedAt: when,
    finishedAt: when.nullable(),
    outcome: z.enum(["running", "succeeded", "failed"]),
  }),
  worker_heartbeats: lockRow({ startedAt: when, lastRunAt: when, leaseExpiresAt: when, lagMs: count, jobsDone: count }),
};

async function allRows(world: SecurityWorld, tableId: string): Promise<Row[]> {
  const out: Row[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await world.rows(tableId, [Query.offset(offset)]);
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

/** Every row of every table that fails to parse, as "table/id: problem"; empty when all parse. */
export async function unparsableRows(world: SecurityWorld): Promise<string[]> {
  const problems: string[] = [];
  for (const table of tables) {
    const parse = rowParsers[table.id];
    if (!parse) {
      problems.push(`${table.id}: no parser in security/src/support/stored-rows.ts`);
      continue;
    }
    for (const row of await allRows(world, table.id)) {
      try {
        parse(row);
      } catch (error) {
        problems.push(
          `${table.id}/${row.$id}: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`,
        );
      }
    }
  }
  return problems;
}
