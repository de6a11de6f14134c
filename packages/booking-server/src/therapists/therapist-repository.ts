import "server-only";
// The only file that maps therapist rows. A row becomes booking-core's `Therapist` (workingHoursStart/End →
// workingHours) plus the engine's lock state: holdVersion and the immediate offer the therapist is answering.
import { DomainError } from "@tenang/booking-core/errors";
import type { BookingKind } from "@tenang/booking-core/schemas/booking";
import { type Therapist, therapistSchema } from "@tenang/booking-core/schemas/therapist";
import { Query } from "node-appwrite";
import type { BookingServerContext } from "../context";
import { type Row, getRowOrNull, listRows } from "../shared/rows";
import { TABLES } from "@tenang/booking-core/resource-ids";

export interface TherapistSnapshot {
  therapist: Therapist;
  /** The optimistic lock: a change that takes, releases or offers this therapist moves it from n to n + 1. */
  holdVersion: number;
  /** The immediate-booking offer the therapist is answering (one at a time), and until when. */
  currentOfferId: string | null;
  currentOfferExpiresAt: string | null;
}

export function therapistFromRow(row: Row): TherapistSnapshot {
  const therapist = therapistSchema.parse({
    ...row,
    id: row.$id,
    workingHours: { start: row.workingHoursStart ?? "08:00", end: row.workingHoursEnd ?? "22:00" },
  });
  return {
    therapist,
    // Rows created before the column existed read null: that is version 0.
    holdVersion: typeof row.holdVersion === "number" ? row.holdVersion : 0,
    currentOfferId: typeof row.currentOfferId === "string" ? row.currentOfferId : null,
    currentOfferExpiresAt: typeof row.currentOfferExpiresAt === "string" ? row.currentOfferExpiresAt : null,
  };
}

export async function findTherapist(ctx: BookingServerContext, therapistId: string): Promise<TherapistSnapshot | null> {
  const row = await getRowOrNull(ctx, TABLES.therapists, therapistId);
  return row ? therapistFromRow(row) : null;
}

export async function requireTherapist(ctx: BookingServerContext, therapistId: string): Promise<TherapistSnapshot> {
  const found = await findTherapist(ctx, therapistId);
  if (!found) throw new DomainError("not_found", "therapist not found");
  return found;
}

/** The therapist row linked to an Appwrite user (the dashboard's signed-in therapist), or null. */
export async function getTherapistForUser(ctx: BookingServerContext, userId: string): Promise<Therapist | null> {
  const [row] = await listRows(ctx, TABLES.therapists, [Query.equal("userId", userId), Query.limit(1)]);
  return row ? therapistFromRow(row).therapist : null;
}

/** Whether the therapist is answering another immediate offer right now (one offer at a time). */
export function isAnsweringOffer(snapshot: TherapistSnapshot, now: Date): boolean {
  return (
    snapshot.currentOfferId !== null &&
    snapshot.currentOfferExpiresAt !== null &&
    Date.parse(snapshot.currentOfferExpiresAt) > now.getTime()
  );
}

// Bali's whole roster fits in one page; a larger one wants an area/geohash column in the query.
const ROSTER_LIMIT = 500;

/**
 * Therapists who could take the next offer, read through the dispatch index: immediate bookings need them online,
 * not busy, not restricted, and not answering another offer; scheduled ones only not restricted (booking-core then
 * checks working hours and overlaps). booking-core's ranking applies every other rule.
 */
export async function loadDispatchCandidates(
  ctx: BookingServerContext,
  kind: BookingKind,
  now: Date,
): Promise<TherapistSnapshot[]> {
  const queries =
    kind === "immediate"
      ? [Query.equal("isOnline", true), Query.equal("isBusy", false), Query.equal("isRestricted", false)]
      : [Query.equal("isRestricted", false)];
  const rows = await listRows(ctx, TABLES.therapists, [...queries, Query.limit(ROSTER_LIMIT)]);
  const snapshots: TherapistSnapshot[] = [];
  for (const row of rows) {
    const parsed = safeTherapist(row);
    if (parsed && (kind === "scheduled" || !isAnsweringOffer(parsed, now))) snapshots.push(parsed);
  }
  return snapshots;
}

/** One malformed row costs one candidate, not the whole dispatch; the log says which row to fix. */
function safeTherapist(row: Row): TherapistSnapshot | null {
  try {
    return therapistFromRow(row);
  } catch (error) {
    console.error(`[booking-server] skipping malformed therapist row ${row.$id}:`, error);
    return null;
  }
}

/** Therapist snapshots read during one change, so the lock version used is the one the decision was made on. */
export class TherapistCache {
  private readonly byId = new Map<string, TherapistSnapshot>();

  constructor(private readonly ctx: BookingServerContext) {}

  add(snapshots: readonly TherapistSnapshot[]): void {
    for (const s of snapshots) if (!this.byId.has(s.therapist.id)) this.byId.set(s.therapist.id, s);
  }

  async get(therapistId: string): Promise<TherapistSnapshot> {
    const cached = this.byId.get(therapistId);
    if (cached) return cached;
    const loaded = await requireTherapist(this.ctx, therapistId);
    this.byId.set(therapistId, loaded);
    return loaded;
  }
}
