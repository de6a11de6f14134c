// The one place this app reads configuration. next.config.ts imports this module, so a bad environment fails
// `next dev` / `next build` at once with a readable message instead of failing later inside a request.
import {
  appwriteServerSchema,
  blankAsMissing,
  LOCAL_DEV_API_KEY,
  parseEnv,
  parsePublicEnv,
  type PublicEnv,
  type RawEnv,
} from "@tenang/app-server/env";
import { z } from "zod";

// Server-side only, but not `import "server-only"` (next.config.ts loads it in plain Node). Imported into a browser
// bundle it would ship the local default key's name and expose nothing useful, so refuse loudly instead.
if (typeof window !== "undefined") {
  throw new Error("src/env.ts was imported by browser code; pass the public values down as props instead.");
}

// Re-exported for this app's tests, which pin the defaults it relies on.
export { LOCAL_DEV_API_KEY };
export const DEFAULT_OFFER_WINDOW_SECONDS = 60;

const serverSchema = appwriteServerSchema({
  // How long a therapist has to answer an offer. Tests shorten it so auto-retry takes seconds, not minutes.
  OFFER_WINDOW_SECONDS: z.preprocess(
    blankAsMissing,
    z.coerce.number().int().min(1).max(600).default(DEFAULT_OFFER_WINDOW_SECONDS),
  ),
});

export type ServerEnv = z.output<typeof serverSchema>;

export function parseServerEnv(raw: RawEnv): ServerEnv {
  return parseEnv(serverSchema, raw);
}

// Read through a plain reference, not `process.env.NAME`: Next.js inlines `process.env.NEXT_PUBLIC_*` expressions
// into bundles at build time, and one build runs against many endpoints (e2e starts it against a local server on a
// random port), so every value here must be the one present when the server starts.
const source: RawEnv = process.env;

/** Server-only configuration, including the API key. */
export const env: ServerEnv = parseServerEnv(source);

/**
 * What the browser may know (Realtime endpoint and project). Client components never import this module: a server
 * component reads these values and passes them down as props, so they are always the running server's values.
 */
export const publicEnv: PublicEnv = parsePublicEnv(source);
