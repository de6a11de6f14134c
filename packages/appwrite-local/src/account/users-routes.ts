// /v1/users: the server-side Users API (API key only: session users and guests lack the `users.*` scopes).
import type { Router, RequestContext } from "../http/router.ts";
import type { App } from "../app.ts";
import { requireScope } from "../auth/require-scope.ts";
import { hashPassword } from "../auth/password.ts";
import { formatDate } from "../time.ts";
import { getAccountService, type AccountService } from "./service.ts";
import { accountModel, sessionModel, userModel } from "./models.ts";
import { createUser, updateUser } from "./create-user.ts";
import { sessionNotFound, userAgent, userNotFound } from "./guards.ts";
import type { UserRecord } from "./user-repo.ts";
import {
  assocParam,
  booleanParam,
  customIdParam,
  emailParam,
  integerParam,
  passwordParam,
  phoneParam,
  queriesParam,
  stringArrayParam,
  textParam,
  uidParam,
} from "./params.ts";
import { runListQuery, type ListDoc } from "./list-query.ts";
import { publishUserEvent } from "./account-events.ts";

const USER_QUERY_ATTRIBUTES = {
  name: "string",
  email: "string",
  phone: "string",
  status: "boolean",
  passwordUpdate: "datetime",
  registration: "datetime",
  emailVerification: "boolean",
  phoneVerification: "boolean",
  labels: "array",
  impersonator: "boolean",
  accessedAt: "datetime",
} as const;

interface UserDoc extends ListDoc {
  user: UserRecord;
}

function toDoc(u: UserRecord): UserDoc {
  return {
    $id: u.id,
    $sequence: u.seq,
    $createdAt: u.createdAt,
    $updatedAt: u.updatedAt,
    name: u.name,
    email: u.email,
    phone: u.phone,
    status: u.status,
    passwordUpdate: u.passwordUpdate,
    registration: u.registration,
    emailVerification: u.emailVerification,
    phoneVerification: u.phoneVerification,
    labels: u.labels,
    impersonator: false,
    accessedAt: u.accessedAt,
    user: u,
  };
}

function loadUser(ctx: RequestContext, service: AccountService): UserRecord {
  const user = service.users.get(uidParam(ctx.params.userId, "userId"));
  if (!user) throw userNotFound();
  return user;
}

export function registerUsersRoutes(router: Router, app: App): void {
  const service = getAccountService(app);
  const read = (ctx: RequestContext) => requireScope(ctx, "users.read");
  const write = (ctx: RequestContext) => requireScope(ctx, "users.write");
  const changed = (user: UserRecord, attribute: string) => {
    publishUserEvent(app, `users.[userId].update.${attribute}`, { userId: user.id }, accountModel(user));
    return { status: 200, body: userModel(user) };
  };

  router.get("/v1/users", (ctx) => {
    read(ctx);
    const search = textParam(ctx.query, "search", { max: 256, optional: true }) ?? "";
    const { items, total } = runListQuery(
      service.users.list().map(toDoc),
      queriesParam(ctx.query),
      search,
      booleanParam(ctx.query, "total", true),
      {
        label: "User",
        attributes: USER_QUERY_ATTRIBUTES,
        searchText: (d) => [d.user.id, d.user.email ?? "", d.user.phone ?? "", d.user.name].join(" "),
      },
    );
    return { status: 200, body: { total, users: items.map((d) => userModel(d.user)) } };
  });

  router.post("/v1/users", async (ctx) => {
    write(ctx);
    const user = await createUser(service, {
      id: customIdParam(ctx.body, "userId"),
      email: emailParam(ctx.body, "email", true),
      phone: phoneParam(ctx.body, "phone", true),
      password: ctx.body.password === "" ? undefined : passwordParam(ctx.body, "password", true),
      name: textParam(ctx.body, "name", { max: 128, optional: true }),
    });
    publishUserEvent(app, "users.[userId].create", { userId: user.id }, accountModel(user));
    return { status: 201, body: userModel(user) };
  });

  router.get("/v1/users/:userId", (ctx) => {
    read(ctx);
    return { status: 200, body: userModel(loadUser(ctx, service)) };
  });

  router.delete("/v1/users/:userId", (ctx) => {
    write(ctx);
    const user = loadUser(ctx, service);
    // Sessions go with the user (ON DELETE CASCADE), which also invalidates every JWT bound to them.
    service.users.delete(user.id);
    service.revoke({ userId: user.id, sessionIds: null });
    publishUserEvent(app, "users.[userId].delete", { userId: user.id }, accountModel(user));
    return { status: 204 };
  });

  router.put("/v1/users/:userId/labels", (ctx) => {
    write(ctx);
    const user = loadUser(ctx, service);
    const labels = stringArrayParam(ctx.body, "labels", {
      maxItems: 1000,
      maxLength: 36,
      pattern: /^[A-Za-z0-9]+$/,
      patternDesc: " and only consist of alphanumeric chars",
    });
    return changed(updateUser(service, user, { labels: [...new Set(labels)] }), "labels");
  });

  router.patch("/v1/users/:userId/verification", (ctx) => {
    write(ctx);
    const user = loadUser(ctx, service);
    return changed(
      updateUser(service, user, { emailVerification: booleanParam(ctx.body, "emailVerification") }),
      "verification",
    );
  });

  router.patch("/v1/users/:userId/verification/phone", (ctx) => {
    write(ctx);
    const user = loadUser(ctx, service);
    return changed(
      updateUser(service, user, { phoneVerification: booleanParam(ctx.body, "phoneVerification") }),
      "verification",
    );
  });

  router.patch("/v1/users/:userId/status", (ctx) => {
    write(ctx);
    const user = loadUser(ctx, service);
    const updated = updateUser(service, user, { status: booleanParam(ctx.body, "status") });
    // A blocked user's sessions stay in the table (unblocking restores them), but no socket of theirs stays open.
    if (!updated.status) service.revoke({ userId: user.id, sessionIds: null });
    return changed(updated, "status");
  });

  router.patch("/v1/users/:userId/name", (ctx) => {
    write(ctx);
    const user = loadUser(ctx, service);
    return changed(updateUser(service, user, { name: textParam(ctx.body, "name", { max: 128 })! }), "name");
  });

  router.patch("/v1/users/:userId/password", async (ctx) => {
    write(ctx);
    const user = loadUser(ctx, service);
    const password = passwordParam(ctx.body, "password")!;
    return changed(
      updateUser(service, user, { password: await hashPassword(password), passwordUpdate: formatDate() }),
      "password",
    );
  });

  router.get("/v1/users/:userId/prefs", (ctx) => {
    read(ctx);
    return { status: 200, body: loadUser(ctx, service).prefs };
  });

  router.patch("/v1/users/:userId/prefs", (ctx) => {
    write(ctx);
    const user = updateUser(service, loadUser(ctx, service), { prefs: assocParam(ctx.body, "prefs") });
    publishUserEvent(app, "users.[userId].update.prefs", { userId: user.id }, accountModel(user));
    return { status: 200, body: user.prefs };
  });

  router.get("/v1/users/:userId/sessions", (ctx) => {
    read(ctx);
    const user = loadUser(ctx, service);
    const sessions = service.sessions
      .listForUser(user.id)
      .map((s) => sessionModel(s, { current: false, showSecret: false }));
    return { status: 200, body: { total: booleanParam(ctx.query, "total", true) ? sessions.length : 0, sessions } };
  });

  router.post("/v1/users/:userId/sessions", (ctx) => {
    write(ctx);
    const user = loadUser(ctx, service);
    const { session, secret } = service.createSession(user, {
      provider: "server",
      providerUid: "",
      factors: ["server"],
      ip: ctx.ip,
      userAgent: userAgent(ctx),
    });
    const body = sessionModel(session, { current: false, secret, showSecret: true });
    publishUserEvent(
      app,
      "users.[userId].sessions.[sessionId].create",
      { userId: user.id, sessionId: session.id },
      { ...body, secret: "" },
    );
    return { status: 201, body };
  });

  router.delete("/v1/users/:userId/sessions", (ctx) => {
    write(ctx);
    const user = loadUser(ctx, service);
    service.sessions.deleteForUser(user.id);
    return { status: 204 };
  });

  router.delete("/v1/users/:userId/sessions/:sessionId", (ctx) => {
    write(ctx);
    const user = loadUser(ctx, service);
    const session = service.sessions.get(uidParam(ctx.params.sessionId, "sessionId"));
    if (!session || session.userId !== user.id) throw sessionNotFound();
    service.sessions.delete(session.id);
    publishUserEvent(
      app,
      "users.[userId].sessions.[sessionId].delete",
      { userId: user.id, sessionId: session.id },
      sessionModel(session, { current: false, showSecret: false }),
    );
    return { status: 204 };
  });

  router.post("/v1/users/:userId/jwts", (ctx) => {
    write(ctx);
    const user = loadUser(ctx, service);
    const sessionId = typeof ctx.body.sessionId === "string" ? ctx.body.sessionId : "recent";
    const duration = integerParam(ctx.body, "duration", { min: 0, max: 3600, fallback: 900 });
    const sessions = service.sessions.listForUser(user.id);
    // 'recent' is the newest session; an unknown ID (or no session at all) gives a JWT bound to no session.
    const session = sessionId === "recent" ? sessions[sessions.length - 1] : sessions.find((s) => s.id === sessionId);
    return { status: 201, body: { jwt: service.createJwt(user.id, session?.id ?? "", duration) } };
  });
}
