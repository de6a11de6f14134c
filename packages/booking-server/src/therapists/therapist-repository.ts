import "server-only";
// The only file that maps therapist rows, for the engine and for both apps. A row becomes booking-core's `Therapist`
// (workingHoursStart/End → workingHours; z.object drops the $-fields) plus the engine's lock state: holdVersion and
// the immediate offer the therapist is answering.
import type { Duration } from "@tenang/booking-core/prices";
import { DomainError } from "@tenang/booking-core/errors";
import type { BookingKind } from "@tenang/booking-core/schemas/booking";
import type { Area } from "@tenang/booking-core/schemas/common";
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

/**
 * The schema's column defaults (packages/db: workingHoursStart "08:00", workingHoursEnd "22:00"). A row without them
 * was written before the columns existed, and Appwrite gave every row since these values when none was sent, so they
 * are what such a row means — not a malformed row to hide from customers and dispatch.
 */
const DEFAULT_WORKING_HOURS = { start: "08:00", end: "22:00" } as const;

export function therapistFromRow(row: Row): TherapistSnapshot {
  const therapist = therapistSchema.parse({
    ...row,
    id: row.$id,
    workingHours: {
      start: row.workingHoursStart ?? DEFAULT_WORKING_HOURS.start,
      end: row.workingHoursEnd ?? DEFAULT_WORKING_HOURS.end,
    },
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

export async function requireTherapistSnapshot(
  ctx: BookingServerContext,
  therapistId: string,
): Promise<TherapistSnapshot> {
  const found = await findTherapist(ctx, therapistId);
  if (!found) throw new DomainError("not_found", "therapist not found");
  return found;
}

/** The therapist row linked to an Appwrite user (the dashboard's signed-in therapist), or null. */
export async function getTherapistForUser(ctx: BookingServerContext, userId: string): Promise<Therapist | null> {
  const [row] = await listRows(ctx, TABLES.therapists, [Query.equal("userId", userId), Query.limit(1)]);
  return row ? therapistFromRow(row).therapist : null;
}

/**
 * The user linked to the therapist with this WhatsApp number (E.164), for signing in by phone. The number is unique
 * (the therapists table's idx_whatsapp, and the profile refuses a number in use); should two rows ever share one
 * anyway, it signs in to neither rather than to whichever row the database returns first.
 */
export async function findTherapistUserIdByWhatsapp(
  ctx: BookingServerContext,
  whatsapp: string,
): Promise<string | null> {
  const rows = await listRows(ctx, TABLES.therapists, [Query.equal("whatsapp", whatsapp), Query.limit(2)]);
  if (rows.length !== 1) return null;
  const userId: unknown = rows[0]?.userId;
  return typeof userId === "string" && userId !== "" ? userId : null;
}

/** Whether a therapist other than `therapistId` has this WhatsApp number (E.164). */
export async function isWhatsappUsedByAnother(
  ctx: BookingServerContext,
  therapistId: string,
  whatsapp: string,
): Promise<boolean> {
  const rows = await listRows(ctx, TABLES.therapists, [Query.equal("whatsapp", whatsapp), Query.limit(2)]);
  return rows.some((row) => row.$id !== therapistId);
}

export interface VisibleTherapistFilter {
  area?: Area;
  /** Only therapists who have a price for this session length. */
  offersDuration?: Duration;
}

// Bali's whole roster fits in one page; past a few hundred rows this wants cursor paging or a geo index.
const VISIBLE_LIMIT = 200;

/** Therapists a customer may see (not restricted), best rated first. */
export async function listVisibleTherapists(
  ctx: BookingServerContext,
  filter: VisibleTherapistFilter,
): Promise<Therapist[]> {
  const queries = [Query.equal("isRestricted", false), Query.orderDesc("rating"), Query.limit(VISIBLE_LIMIT)];
  if (filter.area) queries.push(Query.equal("area", filter.area));
  if (filter.offersDuration) queries.push(Query.isNotNull(`price${filter.offersDuration}`));
  const therapists: Therapist[] = [];
  for (const row of await listRows(ctx, TABLES.therapists, queries)) {
    const parsed = safeTherapist(row);
    if (parsed) therapists.push(parsed.therapist);
  }
  return therapists;
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

/** One malformed row costs one candidate (or one card), not the whole list; the log says which row to fix. */
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
    const loaded = await requireTherapistSnapshot(this.ctx, therapistId);
    this.byId.set(therapistId, loaded);
    return loaded;
  }
}
