// The one place this app reads configuration. next.config.ts imports this module, so a bad environment fails
// `next dev` / `next build` at once with a readable message instead of failing later inside a request.
import { z } from "zod";

// Server-side only, but not `import "server-only"` (next.config.ts loads it in plain Node). Imported into a browser
// bundle it would ship the local default key's name and expose nothing useful, so refuse loudly instead.
if (typeof window !== "undefined") {
  throw new Error("src/env.ts was imported by browser code; pass the public values down as props instead.");
}

export const LOCAL_DEFAULT_ENDPOINT = "http://127.0.0.1:8080/v1";
export const LOCAL_DEFAULT_PROJECT_ID = "tenang";
export const LOCAL_DEFAULT_DATABASE_ID = "tenang";
// The key `appwrite-local` accepts by default. Never valid against a real Appwrite, so it is only ever filled in
// when the endpoint is this machine.
export const LOCAL_DEV_API_KEY = "local-dev-key";
// What `pnpm dev`'s sweeper loop sends (scripts/dev.mjs). Like the key, only filled in for a loopback endpoint.
export const LOCAL_DEV_SWEEPER_SECRET = "local-sweeper-secret";
export const DEFAULT_OFFER_WINDOW_SECONDS = 60;

type RawEnv = Record<string, string | undefined>;

/** True for localhost, *.localhost, 127.0.0.0/8 and ::1 — addresses that cannot reach another machine. */
export function isLoopbackUrl(url: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return (
    hostname === "localhost" ||
    hostname.endsWith(".localhost") ||
    /^127(?:\.\d{1,3}){3}$/.test(hostname) ||
    hostname === "[::1]" ||
    hostname === "::1"
  );
}

// `.env` files often hold `KEY=` for "unset"; treat blank like missing so the defaults apply.
const blankAsMissing = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const endpointSchema = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://cloud.appwrite.io/v1" })
  .transform((url) => url.replace(/\/+$/, ""));
const idSchema = z.string().trim().min(1);

const serverSchema = z
  .object({
    APPWRITE_ENDPOINT: z.preprocess(blankAsMissing, endpointSchema.default(LOCAL_DEFAULT_ENDPOINT)),
    APPWRITE_PROJECT_ID: z.preprocess(blankAsMissing, idSchema.default(LOCAL_DEFAULT_PROJECT_ID)),
    APPWRITE_API_KEY: z.preprocess(blankAsMissing, idSchema.optional()),
    APPWRITE_DATABASE_ID: z.preprocess(blankAsMissing, idSchema.default(LOCAL_DEFAULT_DATABASE_ID)),
    // Shared with whatever calls POST /api/internal/sweep (the dev loop, a cron). 16+ characters off this machine.
    SWEEPER_SECRET: z.preprocess(blankAsMissing, idSchema.optional()),
    // How long a therapist has to answer an offer. Tests shorten it so auto-retry takes seconds, not minutes.
    OFFER_WINDOW_SECONDS: z.preprocess(
      blankAsMissing,
      z.coerce.number().int().min(1).max(600).default(DEFAULT_OFFER_WINDOW_SECONDS),
    ),
  })
  .transform((value, ctx) => {
    const local = isLoopbackUrl(value.APPWRITE_ENDPOINT);
    const apiKey = value.APPWRITE_API_KEY ?? (local ? LOCAL_DEV_API_KEY : undefined);
    const sweeperSecret = value.SWEEPER_SECRET ?? (local ? LOCAL_DEV_SWEEPER_SECRET : undefined);
    if (apiKey === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["APPWRITE_API_KEY"],
        message: `is required because APPWRITE_ENDPOINT (${value.APPWRITE_ENDPOINT}) is not this machine; create an API key in the Appwrite console`,
      });
    }
    if (sweeperSecret === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["SWEEPER_SECRET"],
        message: `is required because APPWRITE_ENDPOINT (${value.APPWRITE_ENDPOINT}) is not this machine; set a random string of 16+ characters and give the same one to the scheduler that calls POST /api/internal/sweep`,
      });
    } else if (!local && sweeperSecret.length < 16) {
      ctx.addIssue({ code: "custom", path: ["SWEEPER_SECRET"], message: "must be at least 16 characters" });
    }
    if (apiKey === undefined || sweeperSecret === undefined) return z.NEVER;
    return { ...value, APPWRITE_API_KEY: apiKey, SWEEPER_SECRET: sweeperSecret };
  });

const publicSchema = z.object({
  NEXT_PUBLIC_APPWRITE_ENDPOINT: endpointSchema,
  NEXT_PUBLIC_APPWRITE_PROJECT_ID: idSchema,
});

export type ServerEnv = z.output<typeof serverSchema>;
export type PublicEnv = z.output<typeof publicSchema>;

function formatIssues(error: z.ZodError): string {
  const lines = error.issues.map((issue) => `  - ${issue.path.join(".") || "(env)"}: ${issue.message}`);
  return `Invalid environment variables:\n${lines.join("\n")}\nSee .env.example for what each one means.`;
}

export function parseServerEnv(raw: RawEnv): ServerEnv {
  const result = serverSchema.safeParse(raw);
  if (!result.success) throw new Error(formatIssues(result.error));
  return result.data;
}

/** The browser's values default to the server's, so pointing APPWRITE_ENDPOINT somewhere moves Realtime too. */
export function parsePublicEnv(raw: RawEnv): PublicEnv {
  const result = publicSchema.safeParse({
    NEXT_PUBLIC_APPWRITE_ENDPOINT:
      blankAsMissing(raw.NEXT_PUBLIC_APPWRITE_ENDPOINT) ??
      blankAsMissing(raw.APPWRITE_ENDPOINT) ??
      LOCAL_DEFAULT_ENDPOINT,
    NEXT_PUBLIC_APPWRITE_PROJECT_ID:
      blankAsMissing(raw.NEXT_PUBLIC_APPWRITE_PROJECT_ID) ??
      blankAsMissing(raw.APPWRITE_PROJECT_ID) ??
      LOCAL_DEFAULT_PROJECT_ID,
  });
  if (!result.success) throw new Error(formatIssues(result.error));
  return result.data;
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
