// Builders over the engine: ranking as booking-core sees it, users with sessions, and DB readers.
import { type DispatchRequest, rankCandidates } from "@tenang/booking-core/dispatch";
import type { CreateBookingInput } from "@tenang/booking-core/schemas/booking";
import { Client, ID, Query, TablesDB } from "node-appwrite";
import { therapistFromRow } from "../../src/therapists/therapist-repository";
import { type Engine, TABLES } from "./engine";

/** booking-core's ranking of the therapists as they are in the database right now. */
export async function rankedFor(engine: Engine, input: CreateBookingInput, exclude: string[] = []) {
  const therapists = (await engine.rows(TABLES.therapists)).map((r) => therapistFromRow(r).therapist);
  const request: DispatchRequest = {
    bookingId: "probe",
    kind: input.kind,
    lat: input.lat,
    lng: input.lng,
    duration: input.duration,
    massageType: input.massageType,
    scheduledFor: input.scheduledFor,
    preferredLanguage: input.preferredLanguage,
    preferredTherapistGender: input.preferredTherapistGender,
    requestedTherapistId: input.therapistId,
    excludeTherapistIds: exclude,
  };
  return rankCandidates(request, therapists, engine.clock(), engine.ctx.lifecycle.dispatch);
}

export interface SessionUser {
  userId: string;
  tablesDB: TablesDB;
  sessionId: string;
}

/** An Appwrite user with a session, and a TablesDB acting as that user (no API key). */
export async function createSessionUser(engine: Engine, name: string): Promise<SessionUser> {
  const userId = ID.unique();
  await engine.ctx.users.create({ userId, name });
  const session = await engine.ctx.users.createSession({ userId });
  const client = new Client()
    .setEndpoint(engine.stack.endpoint)
    .setProject(engine.stack.projectId)
    .setSession(session.secret);
  return { userId, tablesDB: new TablesDB(client), sessionId: session.$id };
}

/** Links an Appwrite user to a therapist row (what the dashboard's sign-up does). */
export async function linkTherapistUser(engine: Engine, therapistId: string, userId: string): Promise<void> {
  await engine.update(TABLES.therapists, therapistId, { userId });
}

export async function systemKeysOf(engine: Engine, bookingId: string): Promise<string[]> {
  const rows = await engine.rows(TABLES.messages, [Query.equal("bookingId", bookingId), Query.orderAsc("$sequence")]);
  return rows.filter((r) => r.kind === "system").map((r) => String(r.systemKey));
}

export async function transitionsOf(engine: Engine, bookingId: string) {
  return engine.rows(TABLES.bookingTransitions, [Query.equal("bookingId", bookingId), Query.orderAsc("fromVersion")]);
}

export async function readAs(user: SessionUser, engine: Engine, tableId: string, rowId: string): Promise<number> {
  try {
    await user.tablesDB.getRow({ databaseId: engine.stack.databaseId, tableId, rowId });
    return 200;
  } catch (error) {
    return (error as { code: number }).code;
  }
}
