// The one place this app reads configuration. next.config.ts imports this module, so a bad environment fails
// `next dev` / `next build` at once with a readable message instead of failing later inside a request.
import {
  API_KEY_HINT,
  appwriteEnvShape,
  blankAsMissing,
  envIdSchema,
  isLoopbackUrl,
  LOCAL_DEV_API_KEY,
  localFallback,
  parseEnv,
  parsePublicEnv,
  type PublicEnv,
  type RawEnv,
} from "@tenang/app-server/env";
import {
  pushEnvShape,
  pushSettingsFrom,
  type PushSettings,
  whatsAppEnvShape,
  whatsAppSettingsFrom,
  type WhatsAppSettings,
} from "@tenang/app-server/push-env";
import { z } from "zod";

// Server-side only, but not `import "server-only"` (next.config.ts loads it in plain Node). Imported into a browser
// bundle it would ship the local default key's name and expose nothing useful, so refuse loudly instead.
if (typeof window !== "undefined") {
  throw new Error("src/env.ts was imported by browser code; pass the public values down as props instead.");
}

// Re-exported for this app's tests, which pin the defaults it relies on.
export { LOCAL_DEV_API_KEY };
// What `pnpm dev`'s sweeper loop sends (scripts/dev.mjs). Like the key, only filled in for a loopback endpoint.
export const LOCAL_DEV_SWEEPER_SECRET = "local-sweeper-secret";
export const DEFAULT_OFFER_WINDOW_SECONDS = 60;

const serverSchema = z
  .object({
    ...appwriteEnvShape,
    ...pushEnvShape,
    ...whatsAppEnvShape,
    // Shared with whatever calls POST /api/internal/sweep (the dev loop, a cron). 16+ characters off this machine.
    SWEEPER_SECRET: z.preprocess(blankAsMissing, envIdSchema.optional()),
    // How long a therapist has to answer an offer. Tests shorten it so auto-retry takes seconds, not minutes.
    OFFER_WINDOW_SECONDS: z.preprocess(
      blankAsMissing,
      z.coerce.number().int().min(1).max(600).default(DEFAULT_OFFER_WINDOW_SECONDS),
    ),
  })
  .transform((value, ctx) => {
    const endpoint = value.APPWRITE_ENDPOINT;
    const apiKey = localFallback(
      ctx,
      endpoint,
      "APPWRITE_API_KEY",
      value.APPWRITE_API_KEY,
      LOCAL_DEV_API_KEY,
      API_KEY_HINT,
    );
    const sweeperSecret = localFallback(
      ctx,
      endpoint,
      "SWEEPER_SECRET",
      value.SWEEPER_SECRET,
      LOCAL_DEV_SWEEPER_SECRET,
      "set a random string of 16+ characters and give the same one to the scheduler that calls POST /api/internal/sweep",
    );
    if (sweeperSecret !== undefined && !isLoopbackUrl(endpoint) && sweeperSecret.length < 16) {
      ctx.addIssue({ code: "custom", path: ["SWEEPER_SECRET"], message: "must be at least 16 characters" });
    }
    if (apiKey === undefined || sweeperSecret === undefined) return z.NEVER;
    return { ...value, APPWRITE_API_KEY: apiKey, SWEEPER_SECRET: sweeperSecret };
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

/** Web Push's VAPID settings (app-server push-env: all three VAPID_* or none; a dev pair for a local Appwrite). */
export const pushSettings: PushSettings | undefined = pushSettingsFrom(env);
/** WhatsApp as a second notification channel: off unless WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_ACCESS_TOKEN are set. */
export const whatsAppSettings: WhatsAppSettings | undefined = whatsAppSettingsFrom(env);

/**
 * What the browser may know (Realtime endpoint and project). Client components never import this module: a server
 * component reads these values and passes them down as props, so they are always the running server's values.
 */
export const publicEnv: PublicEnv = parsePublicEnv(source);
