// /v1/account/sessions: sign-in (email+password, anonymous), listing, reading, extending and signing out.
import type { Handler, Router, RequestContext } from "../http/router.ts";
import type { App } from "../app.ts";
import { AppwriteError } from "../errors.ts";
import { requireScope } from "../auth/require-scope.ts";
import { verifyPassword } from "../auth/password.ts";
import { formatDate } from "../time.ts";
import { getAccountService, type AccountService, type SessionInput } from "./service.ts";
import { sessionModel } from "./models.ts";
import { createUser, updateUser } from "./create-user.ts";
import { uniqueId } from "./ids.ts";
import type { UserRecord } from "./user-repo.ts";
import type { SessionRecord } from "./session-repo.ts";
import { assertNoActiveSession, currentSessionId, requireAccountUser, sessionNotFound, userAgent } from "./guards.ts";
import { emailParam, passwordParam } from "./params.ts";
import { clearFallbackCookie, clearSessionCookies, setSessionCookies } from "./session-cookies.ts";
import { publishUserEvent } from "./account-events.ts";

/** A valid hash of a random password: verifying against it costs as much as a real check and always fails. */
const DUMMY_HASH = `scrypt$16384$8$1$${Buffer.alloc(16).toString("base64")}$${Buffer.alloc(64).toString("base64")}`;

function signIn(
  ctx: RequestContext,
  app: App,
  service: AccountService,
  user: UserRecord,
  input: Omit<SessionInput, "ip" | "userAgent">,
) {
  const { session, secret } = service.createSession(user, { ...input, ip: ctx.ip, userAgent: userAgent(ctx) });
  service.enforceSessionLimit(user.id);
  updateUser(service, user, { accessedAt: formatDate() });
  setSessionCookies(ctx, secret, session.expire);
  const body = sessionModel(session, { current: true, secret, showSecret: ctx.principal.kind === "key" });
  publishUserEvent(
    app,
    "users.[userId].sessions.[sessionId].create",
    { userId: user.id, sessionId: session.id },
    { ...body, secret: "" },
  );
  return { status: 201, body };
}

function findSession(ctx: RequestContext, service: AccountService, user: UserRecord, sessionId: string): SessionRecord {
  const id = sessionId === "current" ? currentSessionId(ctx) : sessionId;
  const session = id ? service.sessions.get(id) : null;
  if (!session || session.userId !== user.id) throw sessionNotFound();
  return session;
}

export function registerSessionRoutes(router: Router, app: App): void {
  const service = getAccountService(app);

  const emailSession: Handler = async (ctx) => {
    requireScope(ctx, "sessions.write");
    assertNoActiveSession(ctx);
    const email = emailParam(ctx.body, "email")!.toLowerCase();
    const password = passwordParam(ctx.body, "password")!;
    const user = service.users.getByEmail(email);
    // Verify even when the user is unknown, so response time does not reveal which emails exist.
    const ok = await verifyPassword(password, user?.password ?? DUMMY_HASH);
    if (!user || !user.password || !ok) {
      throw new AppwriteError(
        401,
        "user_invalid_credentials",
        "Invalid credentials. Please check the email and password.",
      );
    }
    if (!user.status) throw new AppwriteError(403, "user_blocked", "The current user has been blocked.");
    return signIn(ctx, app, service, user, { provider: "email", providerUid: email, factors: ["password"] });
  };
  router.post("/v1/account/sessions/email", emailSession);
  router.post("/v1/account/sessions", emailSession);

  router.post("/v1/account/sessions/anonymous", async (ctx) => {
    requireScope(ctx, "sessions.write");
    assertNoActiveSession(ctx);
    const user = await createUser(service, { id: uniqueId() });
    return signIn(ctx, app, service, user, { provider: "anonymous", providerUid: "", factors: ["anonymous"] });
  });

  router.get("/v1/account/sessions", (ctx) => {
    const user = requireAccountUser(ctx, service);
    const current = currentSessionId(ctx);
    const sessions = service.sessions
      .listForUser(user.id)
      .map((s) => sessionModel(s, { current: s.id === current, showSecret: false }));
    return { status: 200, body: { total: sessions.length, sessions } };
  });

  router.delete("/v1/account/sessions", (ctx) => {
    const user = requireAccountUser(ctx, service);
    const current = currentSessionId(ctx);
    const sessions = service.sessions.listForUser(user.id);
    service.sessions.deleteForUser(user.id);
    const mine = sessions.find((s) => s.id === current);
    if (mine) {
      clearSessionCookies(ctx);
      publishUserEvent(
        app,
        "users.[userId].sessions.[sessionId].delete",
        { userId: user.id, sessionId: mine.id },
        sessionModel(mine, { current: true, showSecret: false }),
      );
    } else if (sessions.length > 0) clearFallbackCookie(ctx);
    return { status: 204 };
  });

  router.get("/v1/account/sessions/:sessionId", (ctx) => {
    const user = requireAccountUser(ctx, service);
    const session = findSession(ctx, service, user, ctx.params.sessionId ?? "current");
    return {
      status: 200,
      body: sessionModel(session, { current: session.id === currentSessionId(ctx), showSecret: false }),
    };
  });

  router.patch("/v1/account/sessions/:sessionId", (ctx) => {
    const user = requireAccountUser(ctx, service);
    const session = findSession(ctx, service, user, ctx.params.sessionId ?? "current");
    const extended = service.sessions.extend(session.id, service.sessionExpiry(), formatDate());
    const body = sessionModel(extended, { current: session.id === currentSessionId(ctx), showSecret: false });
    publishUserEvent(
      app,
      "users.[userId].sessions.[sessionId].update",
      { userId: user.id, sessionId: session.id },
      body,
    );
    return { status: 200, body };
  });

  router.delete("/v1/account/sessions/:sessionId", (ctx) => {
    const user = requireAccountUser(ctx, service);
    const session = findSession(ctx, service, user, ctx.params.sessionId ?? "current");
    service.sessions.delete(session.id);
    const isCurrent = session.id === currentSessionId(ctx);
    if (isCurrent) clearSessionCookies(ctx);
    publishUserEvent(
      app,
      "users.[userId].sessions.[sessionId].delete",
      { userId: user.id, sessionId: session.id },
      sessionModel(session, { current: isCurrent, showSecret: false }),
    );
    return { status: 204 };
  });
}
