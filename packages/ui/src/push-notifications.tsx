"use client";
// Web Push in the browser, for the customer site and the therapist dashboard alike: ask for permission at the
// moment that calls for it (a tap on Confirm & Search, on Go online — never on page load), register the service
// worker (public/sw.js), subscribe with the server's VAPID key and hand the subscription to the app's
// /api/push/subscription route. No Firebase, no vendor SDK: the standard Push API only.
import { useEffect, useState } from "react";

/**
 * unsupported: no Push API here (e.g. iOS Safari outside an installed app); default: not asked yet;
 * denied: the person (or the browser) said no; granted: allowed, not (yet) subscribed; subscribed: pushes arrive.
 */
export type PushState = "unsupported" | "default" | "denied" | "granted" | "subscribed";

const ROUTE = "/api/push/subscription";
const SERVICE_WORKER = "/sw.js";

export function pushSupported(): boolean {
  return (
    typeof window !== "undefined" &&
    "serviceWorker" in navigator &&
    "PushManager" in window &&
    typeof Notification !== "undefined"
  );
}

/** The applicationServerKey the Push API wants: the base64url VAPID public key as bytes. */
export function vapidKeyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function sameKey(subscription: PushSubscription, key: Uint8Array): boolean {
  const current = subscription.options.applicationServerKey;
  if (!current) return false;
  const bytes = new Uint8Array(current);
  return bytes.length === key.length && bytes.every((b, i) => b === key[i]);
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stores the subscription. A 401 is retried a few times: the customer is asked on Confirm & Search, and their guest
 * session is being created by that same tap.
 */
async function saveSubscription(subscription: PushSubscription, locale: string): Promise<boolean> {
  const json = subscription.toJSON();
  const body = JSON.stringify({ endpoint: json.endpoint, keys: json.keys, locale });
  for (const delay of [0, 1_000, 2_000, 4_000]) {
    if (delay) await wait(delay);
    const response = await fetch(ROUTE, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      credentials: "same-origin",
    }).catch(() => null);
    if (response?.ok) return true;
    if (response && response.status !== 401) return false;
  }
  return false;
}

/**
 * Call from a tap handler, before anything awaits: browsers show the permission prompt only inside a gesture.
 * Resolves to what came of it; never throws (notifications are a bonus, the tap's own action goes on regardless).
 */
export async function requestPushNotifications(): Promise<PushState> {
  if (!pushSupported()) return "unsupported";
  try {
    const permission =
      Notification.permission === "default" ? await Notification.requestPermission() : Notification.permission;
    if (permission !== "granted") return permission === "denied" ? "denied" : "default";
    const registration = await navigator.serviceWorker.register(SERVICE_WORKER, { scope: "/" });
    await navigator.serviceWorker.ready;
    const answer = await fetch(ROUTE, { credentials: "same-origin" });
    const { publicKey } = (await answer.json()) as { publicKey: string | null };
    // The server has push off: the in-page alarm and notifications still work while the tab is open.
    if (!answer.ok || !publicKey) return "granted";
    const key = vapidKeyBytes(publicKey);
    let subscription = await registration.pushManager.getSubscription();
    // Subscribed with another server key (keys rotated, or another backend on this origin): start over.
    if (subscription && !sameKey(subscription, key)) {
      await subscription.unsubscribe();
      subscription = null;
    }
    subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
    const locale = document.documentElement.lang === "id" ? "id" : "en";
    return (await saveSubscription(subscription, locale)) ? "subscribed" : "granted";
  } catch {
    return typeof Notification !== "undefined" && Notification.permission === "granted" ? "granted" : "default";
  }
}

/**
 * On sign-out: this browser stops receiving the person's notifications (a shared phone must not show the last
 * therapist's offers to the next one). Deletes the server's row while the session still exists, then unsubscribes
 * the browser. Never throws, and gives up after a few seconds so signing out is never held up by it.
 */
export async function forgetPushSubscription(): Promise<void> {
  if (!pushSupported()) return;
  const forget = async () => {
    const registration = await navigator.serviceWorker.getRegistration("/");
    const subscription = await registration?.pushManager.getSubscription();
    if (!subscription) return;
    await fetch(ROUTE, {
      method: "DELETE",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ endpoint: subscription.endpoint }),
      credentials: "same-origin",
    }).catch(() => null);
    await subscription.unsubscribe();
  };
  await Promise.race([forget().catch(() => undefined), wait(3_000)]);
}

/** This browser's push state, kept current (the person may change the permission in the browser's settings). */
export function usePushState(): { state: PushState; refresh: () => void } {
  const [state, setState] = useState<PushState>("default");
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let cancelled = false;
    const read = async (): Promise<PushState> => {
      if (!pushSupported()) return "unsupported";
      if (Notification.permission !== "granted") return Notification.permission === "denied" ? "denied" : "default";
      const registration = await navigator.serviceWorker.getRegistration("/");
      const subscription = await registration?.pushManager.getSubscription();
      return subscription ? "subscribed" : "granted";
    };
    const update = () =>
      void read()
        .catch((): PushState => "default")
        .then((next) => {
          if (!cancelled) setState(next);
        });
    update();
    let status: PermissionStatus | null = null;
    void navigator.permissions
      ?.query({ name: "notifications" })
      .then((s) => {
        status = s;
        s.onchange = update;
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      if (status) status.onchange = null;
    };
  }, [version]);
  return { state, refresh: () => setVersion((v) => v + 1) };
}
