// The env pieces every app's src/env.ts builds on. Pure: no `import "server-only"` (each app's next.config.ts loads
// its env module in plain Node) and no process.env (the app passes its raw environment in).
import { DEFAULT_DATABASE_ID } from "@tenang/booking-core/resource-ids";
import { z } from "zod";

export const LOCAL_DEFAULT_ENDPOINT = "http://127.0.0.1:8080/v1";
export const LOCAL_DEFAULT_PROJECT_ID = "tenang";
// The key `appwrite-local` accepts by default. Never valid against a real Appwrite, so it is only ever filled in
// when the endpoint is this machine.
export const LOCAL_DEV_API_KEY = "local-dev-key";

// The deadline of one Appwrite call (issue 9, finding 7). Appwrite answers our queries in tens of milliseconds;
// 8 s is far past any healthy answer yet short enough that a user still gets a "try again" instead of a hang.
export const DEFAULT_APPWRITE_TIMEOUT_MS = 8000;

export type RawEnv = Record<string, string | undefined>;

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
export const blankAsMissing = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const endpointSchema = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://cloud.appwrite.io/v1" })
  .transform((url) => url.replace(/\/+$/, ""));
export const envIdSchema = z.string().trim().min(1);

/** The Appwrite variables every app reads; the key is resolved by `localFallback` once the endpoint is known. */
export const appwriteEnvShape = {
  APPWRITE_ENDPOINT: z.preprocess(blankAsMissing, endpointSchema.default(LOCAL_DEFAULT_ENDPOINT)),
  APPWRITE_PROJECT_ID: z.preprocess(blankAsMissing, envIdSchema.default(LOCAL_DEFAULT_PROJECT_ID)),
  APPWRITE_API_KEY: z.preprocess(blankAsMissing, envIdSchema.optional()),
  APPWRITE_DATABASE_ID: z.preprocess(blankAsMissing, envIdSchema.default(DEFAULT_DATABASE_ID)),
  APPWRITE_TIMEOUT_MS: z.preprocess(
    blankAsMissing,
    z.coerce.number().int().min(100).max(120_000).default(DEFAULT_APPWRITE_TIMEOUT_MS),
  ),
};

/**
 * A secret that may default only on this machine: the given value, else `localDefault` for a loopback endpoint,
 * else undefined with an issue on `name` saying why it is required and what to do (`hint`).
 */
export function localFallback(
  ctx: z.RefinementCtx,
  endpoint: string,
  name: string,
  value: string | undefined,
  localDefault: string,
  hint: string,
): string | undefined {
  if (value !== undefined) return value;
  if (isLoopbackUrl(endpoint)) return localDefault;
  ctx.addIssue({
    code: "custom",
    path: [name],
    message: `is required because APPWRITE_ENDPOINT (${endpoint}) is not this machine; ${hint}`,
  });
  return undefined;
}

/** The hint for a missing APPWRITE_API_KEY (see localFallback). */
export const API_KEY_HINT = "create an API key in the Appwrite console";

/**
 * An app's server schema: the Appwrite variables plus the app's own (`extra`), with the API key filled in for this
 * machine only (localFallback). Apps with further secrets of their own add a transform after this one.
 */
export function appwriteServerSchema<Extra extends z.ZodRawShape>(extra: Extra) {
  return z.object({ ...appwriteEnvShape, ...extra }).transform((value, ctx) => {
    // (TypeScript cannot see the shared keys through the generic spread; they are always there.)
    const appwrite = value as unknown as z.output<z.ZodObject<typeof appwriteEnvShape>>;
    const apiKey = localFallback(
      ctx,
      appwrite.APPWRITE_ENDPOINT,
      "APPWRITE_API_KEY",
      appwrite.APPWRITE_API_KEY,
      LOCAL_DEV_API_KEY,
      API_KEY_HINT,
    );
    if (apiKey === undefined) return z.NEVER;
    return { ...value, APPWRITE_API_KEY: apiKey };
  });
}

function formatIssues(error: z.ZodError): string {
  const lines = error.issues.map((issue) => `  - ${issue.path.join(".") || "(env)"}: ${issue.message}`);
  return `Invalid environment variables:\n${lines.join("\n")}\nSee .env.example for what each one means.`;
}

/** Parses with `schema`, throwing one readable message that lists everything wrong. */
export function parseEnv<Schema extends z.ZodType>(schema: Schema, raw: unknown): z.output<Schema> {
  const result = schema.safeParse(raw);
  if (!result.success) throw new Error(formatIssues(result.error));
  return result.data;
}

const publicSchema = z.object({
  NEXT_PUBLIC_APPWRITE_ENDPOINT: endpointSchema,
  NEXT_PUBLIC_APPWRITE_PROJECT_ID: envIdSchema,
});

export type PublicEnv = z.output<typeof publicSchema>;

/** The browser's values default to the server's, so pointing APPWRITE_ENDPOINT somewhere moves Realtime too. */
export function parsePublicEnv(raw: RawEnv): PublicEnv {
  return parseEnv(publicSchema, {
    NEXT_PUBLIC_APPWRITE_ENDPOINT:
      blankAsMissing(raw.NEXT_PUBLIC_APPWRITE_ENDPOINT) ??
      blankAsMissing(raw.APPWRITE_ENDPOINT) ??
      LOCAL_DEFAULT_ENDPOINT,
    NEXT_PUBLIC_APPWRITE_PROJECT_ID:
      blankAsMissing(raw.NEXT_PUBLIC_APPWRITE_PROJECT_ID) ??
      blankAsMissing(raw.APPWRITE_PROJECT_ID) ??
      LOCAL_DEFAULT_PROJECT_ID,
  });
}
