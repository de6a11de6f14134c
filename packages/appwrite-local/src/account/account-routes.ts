// /v1/account: the signed-in user's own profile, preferences, password and JWTs (protocol §4).
import type { Handler, Router } from "../http/router.ts";
import type { App } from "../app.ts";
import { AppwriteError } from "../errors.ts";
import { requireScope } from "../auth/require-scope.ts";
import { verifyPassword, hashPassword } from "../auth/password.ts";
import { formatDate } from "../time.ts";
import { getAccountService } from "./service.ts";
import { accountModel } from "./models.ts";
import { createUser, updateUser } from "./create-user.ts";
import { currentSessionId, requireAccountUser, sessionNotFound } from "./guards.ts";
import { assocParam, customIdParam, emailParam, integerParam, passwordParam, textParam } from "./params.ts";
import { publishUserEvent } from "./account-events.ts";

export function registerAccountRoutes(router: Router, app: App): void {
  const service = getAccountService(app);

  router.post("/v1/account", async (ctx) => {
    requireScope(ctx, "sessions.write");
    const userId = customIdParam(ctx.body, "userId");
    const email = emailParam(ctx.body, "email")!;
    const password = passwordParam(ctx.body, "password")!;
    const name = textParam(ctx.body, "name", { max: 128, optional: true });
    const user = await createUser(service, { id: userId, email, password, name });
    publishUserEvent(app, "users.[userId].create", { userId: user.id }, accountModel(user));
    return { status: 201, body: accountModel(user) };
  });

  router.get("/v1/account", (ctx) => ({ status: 200, body: accountModel(requireAccountUser(ctx, service)) }));

  router.get("/v1/account/prefs", (ctx) => ({ status: 200, body: requireAccountUser(ctx, service).prefs }));

  router.patch("/v1/account/prefs", (ctx) => {
    const user = requireAccountUser(ctx, service);
    const updated = updateUser(service, user, { prefs: assocParam(ctx.body, "prefs") });
    publishUserEvent(app, "users.[userId].update.prefs", { userId: user.id }, accountModel(updated));
    return { status: 200, body: accountModel(updated) };
  });

  router.patch("/v1/account/name", (ctx) => {
    const user = requireAccountUser(ctx, service);
    const updated = updateUser(service, user, { name: textParam(ctx.body, "name", { max: 128 })! });
    publishUserEvent(app, "users.[userId].update.name", { userId: user.id }, accountModel(updated));
    return { status: 200, body: accountModel(updated) };
  });

  router.patch("/v1/account/password", async (ctx) => {
    const user = requireAccountUser(ctx, service);
    const password = passwordParam(ctx.body, "password")!;
    const oldPassword = typeof ctx.body.oldPassword === "string" ? ctx.body.oldPassword : "";
    // Users without a password (anonymous, phone) may set one without proving the old one.
    if (user.password && !(await verifyPassword(oldPassword, user.password))) {
      throw new AppwriteError(
        401,
        "user_invalid_credentials",
        "Invalid credentials. Please check the email and password.",
      );
    }
    const updated = updateUser(service, user, { password: await hashPassword(password), passwordUpdate: formatDate() });
    publishUserEvent(app, "users.[userId].update.password", { userId: user.id }, accountModel(updated));
    return { status: 200, body: accountModel(updated) };
  });

  const createJwt: Handler = (ctx) => {
    const user = requireAccountUser(ctx, service);
    const duration = integerParam(ctx.body, "duration", { min: 0, max: 3600, fallback: 900 });
    // A JWT cannot mint another JWT: it would let a short-lived token extend itself forever.
    if (typeof ctx.headers["x-appwrite-jwt"] === "string" && ctx.headers["x-appwrite-jwt"] !== "") {
      throw new AppwriteError(
        403,
        "user_jwt_creation_denied",
        "A JWT cannot be created from a request authorized with a JWT. Authenticate with a session cookie or session header instead.",
      );
    }
    const sessionId = currentSessionId(ctx);
    if (!sessionId) throw sessionNotFound();
    return { status: 201, body: { jwt: service.createJwt(user.id, sessionId, duration) } };
  };
  router.post("/v1/account/jwts", createJwt);
  router.post("/v1/account/jwt", createJwt);
}
