import "server-only";
// One delivery to a push service (RFC 8030) with the web-push library doing the standard parts: the payload
// encrypted for the browser's keys (RFC 8291, aes128gcm) and the VAPID signature (RFC 8292). The request itself
// goes through fetch with a deadline, so one slow push service cannot hold up the caller.
import webpush from "web-push";
import type { PushSettings } from "../context";

export type SendOutcome =
  | { kind: "sent"; status: number }
  /** 404/410: the browser unsubscribed or the subscription expired; it will never work again. */
  | { kind: "gone"; status: number }
  /** Worth another try later (network, 429, 5xx), or a request the service refused (other 4xx). */
  | { kind: "failed"; retry: boolean; error: string };

export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

const SEND_TIMEOUT_MS = 5_000;
/** How long the push service keeps a message for an offline device: an offer is useless after its minute. */
export const DEFAULT_TTL_SECONDS = 60 * 60;

export async function sendWebPush(
  settings: PushSettings,
  target: PushTarget,
  payload: string,
  options: { ttlSeconds?: number; urgency?: "normal" | "high" } = {},
): Promise<SendOutcome> {
  let request: webpush.RequestDetails;
  try {
    request = webpush.generateRequestDetails(target, payload, {
      vapidDetails: {
        subject: settings.vapidSubject,
        publicKey: settings.vapidPublicKey,
        privateKey: settings.vapidPrivateKey,
      },
      contentEncoding: "aes128gcm",
      TTL: options.ttlSeconds ?? DEFAULT_TTL_SECONDS,
      urgency: options.urgency ?? "normal",
    });
  } catch (error) {
    // Bad keys in the row: no retry will fix them.
    return { kind: "failed", retry: false, error: `encrypt: ${messageOf(error)}` };
  }
  try {
    const response = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: request.body === null ? undefined : new Uint8Array(request.body),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    const text = response.ok ? "" : (await response.text().catch(() => "")).slice(0, 200);
    if (response.ok) return { kind: "sent", status: response.status };
    if (response.status === 404 || response.status === 410) return { kind: "gone", status: response.status };
    const retry = response.status === 429 || response.status >= 500;
    return { kind: "failed", retry, error: `HTTP ${response.status} ${text}`.trim() };
  } catch (error) {
    return { kind: "failed", retry: true, error: messageOf(error) };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
