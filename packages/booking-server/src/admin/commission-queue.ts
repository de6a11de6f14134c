import "server-only";
// Operations' commission queue: what needs a person first (a transfer proof to check), then what is late (late fee,
// provider restricted), then what is still within its 3 h, and finally the latest payments confirmed, so a record
// just approved is seen landing in "paid". Read-only: approving is approveCommissionPayment.
import type { CommissionRecord, CommissionStatus } from "@tenang/booking-core/schemas/commission";
import { toMs } from "@tenang/booking-core/time";
import { Query } from "node-appwrite";
import { bookingFromRow } from "../shared/booking-repository";
import { commissionFromRow } from "../commissions/commission-repository";
import type { BookingServerContext } from "../context";
import { listRows, listRowsWhereIn } from "../shared/rows";
import { TABLES } from "@tenang/booking-core/resource-ids";

export const commissionQueueGroups = ["awaiting_confirmation", "overdue", "due", "paid"] as const;
export type CommissionQueueGroup = (typeof commissionQueueGroups)[number];

const GROUP_OF: Partial<Record<CommissionStatus, CommissionQueueGroup>> = {
  paid_pending_review: "awaiting_confirmation",
  overdue: "overdue",
  due: "due",
  paid: "paid",
};

/** One commission record as operations see it. The proof's file id stays on the server (`hasProof` only). */
export interface AdminCommissionView {
  id: string;
  bookingId: string;
  group: CommissionQueueGroup;
  status: CommissionStatus;
  providerType: "therapist" | "place";
  providerId: string | null;
  /** The therapist's or spa's name; null when the row is gone. */
  providerName: string | null;
  /** Whether the provider is restricted right now (any reason). */
  providerRestricted: boolean;
  /** When the session was: a scheduled visit's time, else when it was completed, else when it was booked. */
  bookingDate: string | null;
  customerFirstName: string | null;
  amount: number;
  commission: number;
  lateFee: number;
  dueAt: string | null;
  paidAt: string | null;
  /** When the record last changed (for a proof under review: when it was sent). */
  updatedAt: string;
  hasProof: boolean;
}

/** How many confirmed payments to show below the open ones. */
const RECENTLY_PAID = 20;

interface Provider {
  name: string | null;
  restricted: boolean;
}

async function loadProviders(
  ctx: BookingServerContext,
  tableId: string,
  ids: readonly string[],
): Promise<Map<string, Provider>> {
  const rows = ids.length === 0 ? [] : await listRowsWhereIn(ctx, tableId, "$id", [...new Set(ids)]);
  return new Map(
    rows.map((row) => [
      row.$id,
      { name: typeof row.name === "string" ? row.name : null, restricted: row.isRestricted === true },
    ]),
  );
}

/** Oldest first within a group, by what makes it urgent: the proof's arrival, or the deadline. */
function urgency(view: AdminCommissionView): number {
  if (view.group === "awaiting_confirmation") return toMs(view.updatedAt);
  if (view.group === "paid") return -toMs(view.paidAt ?? view.updatedAt);
  return view.dueAt === null ? Number.MAX_SAFE_INTEGER : toMs(view.dueAt);
}

export async function listCommissionQueue(ctx: BookingServerContext): Promise<AdminCommissionView[]> {
  const [openRows, paidRows] = await Promise.all([
    listRows(ctx, TABLES.commissions, [
      Query.equal("status", ["paid_pending_review", "overdue", "due"]),
      Query.orderAsc("dueAt"),
      Query.limit(500),
    ]),
    listRows(ctx, TABLES.commissions, [
      Query.equal("status", "paid"),
      Query.orderDesc("paidAt"),
      Query.limit(RECENTLY_PAID),
    ]),
  ]);
  const records: CommissionRecord[] = [...openRows, ...paidRows].map(commissionFromRow);
  const bookingRows =
    records.length === 0
      ? []
      : await listRowsWhereIn(
          ctx,
          TABLES.bookings,
          "$id",
          records.map((r) => r.bookingId),
        );
  const bookings = new Map(bookingRows.map((row) => [row.$id, bookingFromRow(row).booking]));
  const [therapists, places] = await Promise.all([
    loadProviders(
      ctx,
      TABLES.therapists,
      records.flatMap((r) => (r.therapistId ? [r.therapistId] : [])),
    ),
    loadProviders(
      ctx,
      TABLES.places,
      records.flatMap((r) => (r.placeId ? [r.placeId] : [])),
    ),
  ]);

  const views = records.flatMap((record): AdminCommissionView[] => {
    const group = GROUP_OF[record.status];
    if (!group) return [];
    const isPlace = record.providerType === "place";
    const providerId = isPlace ? record.placeId : record.therapistId;
    const provider = providerId ? (isPlace ? places : therapists).get(providerId) : undefined;
    const booking = bookings.get(record.bookingId);
    return [
      {
        id: record.id,
        bookingId: record.bookingId,
        group,
        status: record.status,
        providerType: record.providerType,
        providerId,
        providerName: provider?.name ?? null,
        providerRestricted: provider?.restricted ?? false,
        bookingDate: booking ? (booking.scheduledFor ?? booking.completedAt ?? booking.createdAt) : null,
        customerFirstName: booking ? (booking.customerName.split(" ")[0] ?? booking.customerName) : null,
        amount: record.amount,
        commission: record.commission,
        lateFee: record.lateFee,
        dueAt: record.dueAt,
        paidAt: record.paidAt,
        updatedAt: record.updatedAt,
        hasProof: record.proofFileId !== null,
      },
    ];
  });
  const rank = (group: CommissionQueueGroup) => commissionQueueGroups.indexOf(group);
  return views.sort((a, b) => rank(a.group) - rank(b.group) || urgency(a) - urgency(b));
}
