import "server-only";
import { env } from "@/env";

const TIMEOUT_MS = 2000;

/**
 * Whether Appwrite answers at all. Any HTTP response counts (even 401/404): the question is reachability, and
 * the health endpoints themselves need a key scope this app should not require.
 */
export async function checkHealth(): Promise<{ ok: true; appwrite: boolean }> {
  try {
    await fetch(`${env.APPWRITE_ENDPOINT}/health/version`, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
      cache: "no-store",
    });
    return { ok: true, appwrite: true };
  } catch {
    return { ok: true, appwrite: false };
  }
}
