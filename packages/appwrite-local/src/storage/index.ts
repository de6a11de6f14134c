// Storage: buckets and files. (Owned by the Storage module.)
import type { Router } from "../http/router.ts";
import type { App } from "../app.ts";

export function registerStorage(_router: Router, _app: App): void {}
