// Account + Users: sessions (anonymous, email, phone), JWTs, users admin API. Returns the user resolver.
import type { Router } from "../http/router.ts";
import type { App } from "../app.ts";
import type { UserResolver } from "../auth/resolve-principal.ts";

export function registerAccount(_router: Router, _app: App): UserResolver {
  return () => null;
}
