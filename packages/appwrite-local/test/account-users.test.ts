// The Users API (API key), and the roles users get from labels and verification.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Account, ID, Permission, Query, Role, Storage, Users } from "node-appwrite";
import { InputFile } from "node-appwrite/file";
import { expectAppwriteError, startTestServer, type TestServer } from "./support/server.ts";

let t: TestServer;
let users: Users;
beforeAll(async () => {
  t = await startTestServer();
  users = new Users(t.admin());
});
afterAll(() => t.close());

describe("users", () => {
  it("creates users with email, phone, password and name", async () => {
    const user = await users.create({
      userId: "therapist-1",
      email: "T1@Example.com",
      phone: "+6281234567890",
      password: "password-123",
      name: "Dr. One",
    });
    expect(user).toMatchObject({
      $id: "therapist-1",
      email: "t1@example.com",
      phone: "+6281234567890",
      name: "Dr. One",
      hash: "scrypt",
    });
    expect(user.password).toMatch(/^scrypt\$/);
    expect(user.password).not.toContain("password-123");
    expect(user.targets.map((x) => x.providerType).sort()).toEqual(["email", "sms"]);
    expect(await users.get({ userId: "therapist-1" })).toMatchObject({ $id: "therapist-1", email: "t1@example.com" });
    await new Account(t.guest()).createEmailPasswordSession({ email: "t1@example.com", password: "password-123" });

    const dupPhone = await expectAppwriteError(() => users.create({ userId: ID.unique(), phone: "+6281234567890" }));
    expect(dupPhone).toMatchObject({ code: 409, type: "user_already_exists" });
    const badPhone = await expectAppwriteError(() => users.create({ userId: ID.unique(), phone: "0812" }));
    expect(badPhone).toMatchObject({ code: 400, type: "general_argument_invalid" });
    expect((await expectAppwriteError(() => users.get({ userId: "nobody" }))).type).toBe("user_not_found");
  });

  it("lists with queries, search, limit/offset and total", async () => {
    for (const [id, name] of [
      ["list-a", "Alpha Person"],
      ["list-b", "Beta Person"],
      ["list-c", "Gamma Someone"],
    ] as const) {
      await users.create({ userId: id, email: `${id}@list.test`, password: "password-123", name });
    }
    const byEmail = await users.list({ queries: [Query.equal("email", ["list-b@list.test"])] });
    expect(byEmail.total).toBe(1);
    expect(byEmail.users[0]?.$id).toBe("list-b");

    const searched = await users.list({ search: "person" });
    expect(searched.users.map((u) => u.$id).sort()).toEqual(["list-a", "list-b"]);
    const byName = await users.list({ queries: [Query.search("name", "gam")] });
    expect(byName.users.map((u) => u.$id)).toEqual(["list-c"]);

    const page = await users.list({
      queries: [Query.startsWith("email", "list-"), Query.orderDesc("name"), Query.limit(1), Query.offset(1)],
    });
    expect(page.total).toBe(3);
    expect(page.users.map((u) => u.$id)).toEqual(["list-b"]);
    expect((await users.list({ queries: [Query.startsWith("email", "list-")], total: false })).total).toBe(0);

    const after = await users.list({ queries: [Query.startsWith("email", "list-"), Query.cursorAfter("list-a")] });
    expect(after.users.map((u) => u.$id)).toEqual(["list-b", "list-c"]);

    const badAttr = await expectAppwriteError(() => users.list({ queries: [Query.equal("password", ["x"])] }));
    expect(badAttr).toMatchObject({ code: 400, type: "general_query_invalid" });
    const badCursor = await expectAppwriteError(() => users.list({ queries: [Query.cursorAfter("no-such-user")] }));
    expect(badCursor).toMatchObject({ code: 400, type: "general_cursor_not_found" });
  });

  it("is API-key only: sessions and guests get 401 general_unauthorized_scope", async () => {
    const u = await t.signUp();
    const asUser = await expectAppwriteError(() => new Users(u.client).list());
    expect(asUser).toEqual({
      code: 401,
      type: "general_unauthorized_scope",
      message: `${u.email} (role: users) missing scopes (["users.read"])`,
    });
    const asGuest = await expectAppwriteError(() => new Users(t.guest()).create({ userId: ID.unique() }));
    expect(asGuest).toMatchObject({ code: 401, type: "general_unauthorized_scope" });
  });

  it("creates, lists and deletes sessions; deleting a user ends its sessions", async () => {
    const u = await t.signUp();
    const session = await users.createSession({ userId: u.userId });
    expect(session.secret).not.toBe("");
    expect(session.provider).toBe("server");
    expect((await new Account(t.withSession(session.secret)).get()).$id).toBe(u.userId);
    expect((await users.listSessions({ userId: u.userId })).total).toBe(2);

    await users.deleteSessions({ userId: u.userId });
    expect((await users.listSessions({ userId: u.userId })).total).toBe(0);
    expect((await expectAppwriteError(() => new Account(t.withSession(session.secret)).get())).code).toBe(401);

    const v = await t.signUp();
    await users.delete({ userId: v.userId });
    expect((await expectAppwriteError(() => new Account(v.client).get())).code).toBe(401);
    expect((await expectAppwriteError(() => users.get({ userId: v.userId }))).type).toBe("user_not_found");
  });

  it("blocks users whose status is false", async () => {
    const u = await t.signUp();
    await users.updateStatus({ userId: u.userId, status: false });
    const err = await expectAppwriteError(() => new Account(u.client).get());
    expect(err).toMatchObject({ code: 403, type: "user_blocked" });
    const signIn = await expectAppwriteError(() =>
      new Account(t.guest()).createEmailPasswordSession({ email: u.email, password: u.password }),
    );
    expect(signIn.type).toBe("user_blocked");
  });
});

describe("labels and verification become roles", () => {
  it("validates labels, removes duplicates and replaces the list", async () => {
    const u = await t.signUp();
    const updated = await users.updateLabels({ userId: u.userId, labels: ["therapist", "therapist", "admin"] });
    expect(updated.labels).toEqual(["therapist", "admin"]);
    expect((await users.updateLabels({ userId: u.userId, labels: ["vip"] })).labels).toEqual(["vip"]);
    for (const bad of [["has space"], ["x".repeat(37)], ["dash-ed"]]) {
      const err = await expectAppwriteError(() => users.updateLabels({ userId: u.userId, labels: bad }));
      expect(err).toMatchObject({ code: 400, type: "general_argument_invalid" });
    }
  });

  it("grants label:<name> and users/verified on the next request", async () => {
    const storage = new Storage(t.admin());
    await storage.createBucket({
      bucketId: "label-bucket",
      name: "Therapists only",
      permissions: [Permission.read(Role.label("therapist"))],
    });
    await storage.createBucket({
      bucketId: "verified-bucket",
      name: "Verified only",
      permissions: [Permission.read(Role.users("verified"))],
    });
    await storage.createFile({
      bucketId: "label-bucket",
      fileId: "f",
      file: InputFile.fromBuffer(Buffer.from("x"), "x.txt"),
    });

    const u = await t.signUp();
    const userStorage = new Storage(u.client);
    expect(await expectAppwriteError(() => userStorage.listFiles({ bucketId: "label-bucket" }))).toMatchObject({
      code: 401,
      type: "user_unauthorized",
    });
    await users.updateLabels({ userId: u.userId, labels: ["therapist"] });
    expect((await userStorage.listFiles({ bucketId: "label-bucket" })).total).toBe(1);

    expect((await expectAppwriteError(() => userStorage.listFiles({ bucketId: "verified-bucket" }))).code).toBe(401);
    expect((await users.updateEmailVerification({ userId: u.userId, emailVerification: true })).emailVerification).toBe(
      true,
    );
    expect((await userStorage.listFiles({ bucketId: "verified-bucket" })).total).toBe(0);

    const phoneOnly = await t.signUp();
    await users.updatePhoneVerification({ userId: phoneOnly.userId, phoneVerification: true });
    expect((await new Storage(phoneOnly.client).listFiles({ bucketId: "verified-bucket" })).total).toBe(0);
  });
});
