#!/usr/bin/env -S node --conditions=react-server
// Runs the worker's TypeScript sources directly (tsx), so it needs no build step, like appwrite-local's bin.
// Start it with `node --conditions=react-server` (the shebang, `pnpm start` and the Dockerfile do): booking-server
// marks every module `import "server-only"`, whose package throws unless resolved under the react-server condition
// (Next resolves it that way for route handlers). The worker is server code too, so it asks for the same condition.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
