// Admin sessions end in Appwrite itself once past the admin's absolute limit (issue 9: sessions lasted a year, admin
// included), so an admin secret used straight against Appwrite, not through the dashboard, dies on time too.
import { SESSION_LIFETIMES } from "@tenang/booking-core/session-lifetime";
import { DEMO_ADMIN_USER_ID, DEMO_THERAPIST_USER_ID } from "@tenang/db/seed/seed-demo";
import { Client, TablesDB, Users } from "node-appwrite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endExpiredAdminSessions } from "../src/sessions/end-expired-admin-sessions";
import { sweepDueBookings } from "../src/sweeper/sweep-due-bookings";
import { startEngine, type Engine } from "./support/engine";

let engine: Engine;
let users: Users;

beforeAll(async () => {
  engine = await startEngine();
  users = new Users(
    new Client().setEndpoint(engine.stack.endpoint).setProject(engine.stack.projectId).setKey(engine.stack.apiKey),
  );
});
afterAll(() => engine.close());

/** A session secret for the user, as the dashboards' sign-in makes one, and a client acting with it. */
async function signIn(userId: string) {
  const session = await users.createSession({ userId });
  const client = new Client()
    .setEndpoint(engine.stack.endpoint)
    .setProject(engine.stack.projectId)
    .setSession(session.secret);
  return { session, tablesDB: new TablesDB(client) };
}

/** Whether the secret still reads the staff-only bookings (a dead session reads as a guest: nothing, or 401). */
const canRead = async (tablesDB: TablesDB) => {
  try {
    const { rows } = await tablesDB.listRows({ databaseId: engine.stack.databaseId, tableId: "bookings" });
    return rows.length > 0;
  } catch {
    return false;
  }
};

describe("endExpiredAdminSessions", () => {
  it("ends an admin's session past the admin's limit and leaves younger ones and therapists' alone", async () => {
    const admin = await signIn(DEMO_ADMIN_USER_ID);
    const therapist = await signIn(DEMO_THERAPIST_USER_ID);
    expect(await canRead(admin.tablesDB)).toBe(true);

    engine.clock.advance(SESSION_LIFETIMES.admin.absoluteMs - 60_000);
    expect(await endExpiredAdminSessions(engine.ctx)).toBe(0);
    expect(await canRead(admin.tablesDB)).toBe(true);

    engine.clock.advance(2 * 60_000);
    expect(await endExpiredAdminSessions(engine.ctx)).toBeGreaterThanOrEqual(1);
    // The secret is dead in Appwrite itself, not only in the dashboard.
    expect(await canRead(admin.tablesDB)).toBe(false);
    const left = await users.listSessions({ userId: DEMO_ADMIN_USER_ID });
    expect(left.sessions.map((s) => s.$id)).not.toContain(admin.session.$id);
    const therapistSessions = await users.listSessions({ userId: DEMO_THERAPIST_USER_ID });
    expect(therapistSessions.sessions.map((s) => s.$id)).toContain(therapist.session.$id);
  });

  it("runs as part of the sweep", async () => {
    const admin = await signIn(DEMO_ADMIN_USER_ID);
    engine.clock.advance(SESSION_LIFETIMES.admin.absoluteMs + 60_000);
    const result = await sweepDueBookings(engine.ctx);
    expect(result.sessionsEnded).toBeGreaterThanOrEqual(1);
    expect(await canRead(admin.tablesDB)).toBe(false);
  });
});
