// Tenang's service worker, one file for both apps: apps/customer/public/sw.js and
// apps/therapist-dashboard/public/sw.js are links to this one (its test: src/service-worker.test.ts). It does three
// things: shows a Web Push as a notification, opens the page a tap asks for, and tells the server both happened
// (POST /api/push/receipt with the notification's random id).
//
// It caches nothing and has no fetch handler: every request, /api included, goes to the network exactly as if there
// were no worker, so no answer is ever stale and a deploy is live on the next load. With nothing cached there is
// no old version to keep consistent, which is why a new worker may take over at once (skipWaiting + claim).
/* global self, fetch, URL -- the worker scope's globals; lint knows this plain script by no environment */

const RECEIPT_ID = /^[a-f0-9]{32}$/;

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

/** A same-origin path from the payload; anything else opens the home page. */
function targetUrl(url) {
  try {
    const target = new URL(typeof url === "string" ? url : "/", self.location.origin);
    return target.origin === self.location.origin ? target.href : self.location.origin + "/";
  } catch {
    return self.location.origin + "/";
  }
}

function report(id, event) {
  if (typeof id !== "string" || !RECEIPT_ID.test(id)) return Promise.resolve();
  return fetch("/api/push/receipt", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id, event }),
    credentials: "omit",
  }).catch(() => undefined);
}

function payloadOf(event) {
  if (!event.data) return {};
  try {
    const data = event.data.json();
    return data && typeof data === "object" ? data : {};
  } catch {
    return { body: event.data.text() };
  }
}

self.addEventListener("push", (event) => {
  const data = payloadOf(event);
  const title = typeof data.title === "string" && data.title ? data.title : "Tenang";
  const options = {
    body: typeof data.body === "string" ? data.body : "",
    icon: "/icons/icon-192.png",
    badge: "/icons/badge-96.png",
    // One notification per offer or booking: a newer one replaces it (and still alerts: renotify).
    tag: typeof data.tag === "string" ? data.tag : undefined,
    renotify: typeof data.tag === "string",
    // An offer stays on screen until the therapist acts on it.
    requireInteraction: data.requireInteraction === true,
    vibrate: Array.isArray(data.vibrate) ? data.vibrate : undefined,
    timestamp: Date.now(),
    data: { url: targetUrl(data.url), id: data.id },
  };
  event.waitUntil(Promise.all([self.registration.showNotification(title, options), report(data.id, "delivered")]));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const data = event.notification.data || {};
  const url = targetUrl(data.url);
  event.waitUntil(
    (async () => {
      await report(data.id, "clicked");
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const exact = windows.find((client) => client.url === url);
      if (exact) return exact.focus();
      // A tab of this app is open on another page: bring it to the one asked for.
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (open && "navigate" in open) {
        const moved = await open.navigate(url).catch(() => null);
        if (moved) return moved.focus();
      }
      return self.clients.openWindow(url);
    })(),
  );
});
