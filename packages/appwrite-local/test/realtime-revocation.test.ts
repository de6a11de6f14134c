// Issue 9, finding 9 (server side): a realtime socket must not outlive the session it authenticated with. Deleting a
// session (account or Users API), all of a user's sessions, blocking or deleting the user closes every socket
// authenticated by that session or by a JWT minted from it; other sessions' sockets stay. A JWT whose session is
// gone authenticates nothing, over REST or realtime.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Account, Users } from "node-appwrite";
import {
  PROJECT_ID,
  expectAppwriteError,
  startTestServer,
  type SignedUpUser,
  type TestServer,
} from "./support/server.ts";
import { publish, rawSocket, sleep, waitFor, type RawSocket } from "./support/realtime.ts";

let t: TestServer;
const open: RawSocket[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});
afterAll(() => t.close());

async function subscribed(query: string, headers: Record<string, string> = {}): Promise<RawSocket> {
  const socket = await rawSocket(t, `project=${PROJECT_ID}${query}`, headers);
  open.push(socket);
  await socket.next("connected");
  socket.send({ type: "subscribe", data: [{ channels: ["rows"] }] });
  await socket.next("response");
  return socket;
}

/** True if the socket still receives an event only `user` may read. */
async function stillReceives(socket: RawSocket, user: SignedUpUser): Promise<boolean> {
  const marker = Math.random().toString(36).slice(2);
  publish(t, { channels: ["rows"], roles: [`user:${user.userId}`], payload: { marker } });
  await sleep(100);
  return socket.messages.some(
    (m) => m.type === "event" && (m.data as { payload: { marker?: string } }).payload.marker === marker,
  );
}

async function jwtSocket(user: SignedUpUser) {
  const { jwt } = await new Account(user.client).createJWT();
  return { jwt, socket: await subscribed(`&jwt=${encodeURIComponent(jwt)}`) };
}

describe("sockets end with their session", () => {
  it("a JWT socket gets nothing after its session is deleted through the Users API, and the JWT is dead for REST", async () => {
    const u = await t.signUp();
    const { jwt, socket } = await jwtSocket(u);
    expect(await stillReceives(socket, u)).toBe(true);
    await new Users(t.admin()).deleteSession({ userId: u.userId, sessionId: u.sessionId });
    await waitFor(() => socket.closeCode !== null, 2000, "socket close");
    expect(socket.closeCode).toBe(1008);
    expect(await stillReceives(socket, u)).toBe(false);
    const err = await expectAppwriteError(() => new Account(t.withJwt(jwt)).get());
    expect(err.code).toBe(401);
    // A new socket with the same JWT is a guest: it cannot read the user's rows.
    const again = await subscribed(`&jwt=${encodeURIComponent(jwt)}`);
    expect(await stillReceives(again, u)).toBe(false);
  });

  it("account.deleteSessions from another session closes the sockets of every session, JWT ones too", async () => {
    const u = await t.signUp();
    const second = await new Account(t.admin()).createEmailPasswordSession({ email: u.email, password: u.password });
    const bySession = await subscribed("", { "x-appwrite-session": u.secret });
    const { socket: byJwt } = await jwtSocket(u);
    await new Account(t.withSession(second.secret)).deleteSessions();
    await waitFor(() => bySession.closeCode !== null && byJwt.closeCode !== null, 2000, "both sockets closed");
    expect(await stillReceives(bySession, u)).toBe(false);
    expect(await stillReceives(byJwt, u)).toBe(false);
  });

  it("deleting one session leaves the sockets of the user's other sessions open", async () => {
    const u = await t.signUp();
    const other = await new Account(t.admin()).createEmailPasswordSession({ email: u.email, password: u.password });
    const mine = await subscribed("", { "x-appwrite-session": u.secret });
    const theirs = await subscribed("", { "x-appwrite-session": other.secret });
    await new Account(u.client).deleteSession({ sessionId: "current" });
    await waitFor(() => mine.closeCode !== null, 2000, "socket close");
    expect(await stillReceives(theirs, u)).toBe(true);
    expect(theirs.closeCode).toBeNull();
  });

  it("a socket authenticated by an `authentication` message closes when that session is deleted", async () => {
    const u = await t.signUp();
    const socket = await subscribed("");
    socket.send({ type: "authentication", data: { session: u.secret } });
    await socket.next("response");
    expect(await stillReceives(socket, u)).toBe(true);
    await new Users(t.admin()).deleteSessions({ userId: u.userId });
    await waitFor(() => socket.closeCode !== null, 2000, "socket close");
  });

  it("blocking or deleting the user closes their sockets", async () => {
    const blocked = await t.signUp();
    const a = await subscribed("", { "x-appwrite-session": blocked.secret });
    const { socket: aJwt } = await jwtSocket(blocked);
    await new Users(t.admin()).updateStatus({ userId: blocked.userId, status: false });
    await waitFor(() => a.closeCode !== null && aJwt.closeCode !== null, 2000, "blocked user's sockets closed");

    const deleted = await t.signUp();
    const { socket: b } = await jwtSocket(deleted);
    await new Users(t.admin()).delete({ userId: deleted.userId });
    await waitFor(() => b.closeCode !== null, 2000, "deleted user's socket closed");
  });
});
