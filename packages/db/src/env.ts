// Where the db scripts connect. With nothing set they target the embedded local server's defaults.
import { DEFAULT_DATABASE_ID } from "@tenang/booking-core/resource-ids";
import { z } from "zod";

const LOOPBACK = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;

const envSchema = z
  .object({
    APPWRITE_ENDPOINT: z.string().url().default("http://127.0.0.1:8080/v1"),
    APPWRITE_PROJECT_ID: z.string().min(1).default("tenang"),
    APPWRITE_API_KEY: z.string().min(1).optional(),
    APPWRITE_DATABASE_ID: z.string().min(1).default(DEFAULT_DATABASE_ID),
  })
  .transform((env, ctx) => {
    const apiKey = env.APPWRITE_API_KEY ?? (LOOPBACK.test(env.APPWRITE_ENDPOINT) ? "local-dev-key" : undefined);
    if (!apiKey) {
      ctx.addIssue({
        code: "custom",
        message: "APPWRITE_API_KEY is required when APPWRITE_ENDPOINT is not a local server",
      });
      return z.NEVER;
    }
    return {
      endpoint: env.APPWRITE_ENDPOINT,
      projectId: env.APPWRITE_PROJECT_ID,
      apiKey,
      databaseId: env.APPWRITE_DATABASE_ID,
    };
  });

export type DbEnv = z.infer<typeof envSchema>;

export function readDbEnv(source: Record<string, string | undefined>): DbEnv {
  return envSchema.parse(source);
}
