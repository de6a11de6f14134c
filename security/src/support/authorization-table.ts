// Who may call what: one entry per route × method of the three apps (the matrix fails on a route with no entry).
// For each of the seven callers, the answer the route must give:
//   "ok"       the caller gets past authorization: 2xx, or the request's own problem (400/409/422/429) — never
//              401/403/404 and never 5xx. Cells whose request would change state send a stale expectedVersion (1: every
//              booking of the world is past it) or an offer already answered, so the owner's "ok" is a 409 that changes nothing.
//   401 / 403  not signed in to this app / signed in without the right to it.
//   404        signed in, but the resource is someone else's: answered exactly like "no such thing", so ids cannot
//              be probed.
//   [a, b]     either is fine (the issue leaves the exact refusal open where noted).
import type { AppName } from "@tenang/testing/next-app";
import type { Actor, People, Person } from "./world";
import { chatImageForm, idempotencyKey, WHATSAPP } from "./world";

export const ROLES = ["none", "otherGuest", "ownerGuest", "otherTherapist", "therapist", "admin", "foreign"] as const;
export type Role = (typeof ROLES)[number];
export type Expectation = "ok" | number | readonly number[];
export type RoleTable = Record<Role, Expectation>;

/** A refusal of a caller who holds no session this app accepts: 401, or 403 for a session of the wrong kind. */
const REFUSED = [401, 403] as const;

export function isAllowed(status: number): boolean {
  return (status >= 200 && status < 400) || [400, 409, 422, 429].includes(status);
}

const anyone: RoleTable = {
  none: "ok",
  otherGuest: "ok",
  ownerGuest: "ok",
  otherTherapist: "ok",
  therapist: "ok",
  admin: "ok",
  foreign: "ok",
};

/** The customer app: only the guest cookie counts; dashboards' cookies have other names and are not sent. */
const anyGuest: RoleTable = {
  none: 401,
  otherGuest: "ok",
  ownerGuest: "ok",
  otherTherapist: 401,
  therapist: 401,
  admin: 401,
  foreign: REFUSED,
};
const bookingGuest: RoleTable = { ...anyGuest, otherGuest: 404 };

/** The therapist dashboard: the admin's cookie has another name (401); the admin's secret under this name is 403. */
const anyTherapist: RoleTable = {
  none: 401,
  otherGuest: 401,
  ownerGuest: 401,
  otherTherapist: "ok",
  therapist: "ok",
  admin: 401,
  foreign: REFUSED,
};
const bookingTherapist: RoleTable = { ...anyTherapist, otherTherapist: 404 };

const adminOnly: RoleTable = {
  none: 401,
  otherGuest: 401,
  ownerGuest: 401,
  otherTherapist: 401,
  therapist: 401,
  admin: "ok",
  foreign: REFUSED,
};

/** A sign-in with an account that does not exist: the same 401 for every caller (it is a public form). */
const publicSignIn: RoleTable = {
  none: 401,
  otherGuest: 401,
  ownerGuest: 401,
  otherTherapist: 401,
  therapist: 401,
  admin: 401,
  foreign: 401,
};

export const expectations: Record<string, RoleTable> = {
  // Customer app
  "customer POST /api/bookings/[id]/cancel": bookingGuest,
  "customer POST /api/bookings/[id]/decision": bookingGuest,
  "customer GET /api/bookings/[id]/images/[fileId]": bookingGuest,
  "customer POST /api/bookings/[id]/images": bookingGuest,
  "customer GET /api/bookings/[id]/messages": bookingGuest,
  "customer POST /api/bookings/[id]/messages": bookingGuest,
  "customer GET /api/bookings/[id]/messages/search": bookingGuest,
  "customer POST /api/bookings/[id]/rating": bookingGuest,
  "customer GET /api/bookings/[id]": bookingGuest,
  "customer GET /api/bookings/active": anyone,
  "customer POST /api/bookings": anyGuest,
  "customer POST /api/discount-codes/check": anyGuest,
  "customer GET /api/health": anyone,
  "customer POST /api/locale": anyone,
  "customer GET /api/photos/[fileId]": anyone,
  "customer GET /api/places": anyone,
  "customer POST /api/realtime/token": anyGuest,
  "customer POST /api/session": anyone,
  "customer GET /api/therapists": anyone,
  // Therapist dashboard
  "therapist-dashboard POST /api/auth/login": publicSignIn,
  "therapist-dashboard POST /api/auth/logout-everywhere": anyone,
  "therapist-dashboard POST /api/auth/logout": anyone,
  "therapist-dashboard PUT /api/bank-details": anyTherapist,
  "therapist-dashboard GET /api/bookings/[id]/images/[fileId]": bookingTherapist,
  "therapist-dashboard POST /api/bookings/[id]/images": bookingTherapist,
  "therapist-dashboard GET /api/bookings/[id]/messages": bookingTherapist,
  "therapist-dashboard POST /api/bookings/[id]/messages": bookingTherapist,
  "therapist-dashboard GET /api/bookings/[id]": bookingTherapist,
  "therapist-dashboard POST /api/bookings/[id]/status": bookingTherapist,
  "therapist-dashboard GET /api/bookings": anyTherapist,
  "therapist-dashboard POST /api/commissions/[id]/proof": bookingTherapist,
  "therapist-dashboard GET /api/earnings": anyTherapist,
  "therapist-dashboard GET /api/health": anyone,
  "therapist-dashboard POST /api/locale": anyone,
  "therapist-dashboard POST /api/me/online": anyTherapist,
  "therapist-dashboard GET /api/me": anyTherapist,
  "therapist-dashboard POST /api/offers/[id]/accept": bookingTherapist,
  "therapist-dashboard POST /api/offers/[id]/decline": bookingTherapist,
  "therapist-dashboard GET /api/offers": anyTherapist,
  "therapist-dashboard GET /api/photos/[fileId]": anyone,
  "therapist-dashboard POST /api/profile/photo": anyTherapist,
  "therapist-dashboard GET /api/profile": anyTherapist,
  "therapist-dashboard PUT /api/profile": anyTherapist,
  "therapist-dashboard POST /api/realtime/token": anyTherapist,
  // Admin dashboard
  "admin-dashboard POST /api/auth/login": publicSignIn,
  "admin-dashboard POST /api/auth/logout": anyone,
  "admin-dashboard POST /api/commissions/[id]/approve": adminOnly,
  "admin-dashboard GET /api/health": anyone,
  "admin-dashboard POST /api/locale": anyone,
  "admin-dashboard GET /api/commissions/[id]/proof": adminOnly,
};

/**
 * The order cells run in: the proof upload before the admin reads and approves it, sign-outs (which end the
 * sessions every other cell uses) last of all.
 */
export function phaseOf(key: string): number {
  if (key.includes("/api/auth/logout-everywhere")) return 4;
  if (key.includes("/api/auth/logout")) return 3;
  if (key.startsWith("admin-dashboard POST /api/commissions/[id]/approve")) return 2;
  if (key.startsWith("admin-dashboard")) return 1;
  return 0;
}

export interface CellRequest {
  path: string;
  headers?: Record<string, string>;
  json?: unknown;
  body?: Buffer;
}

let sequence = 0;

/** The request a cell sends: real ids from the world (booking A, its photo, its offer), a body the route accepts. */
export function requestFor(key: string, ctx: { people: People; commissionId: string; role: Role }): CellRequest {
  const { people, commissionId } = ctx;
  const booking = people.bookingA;
  const n = (sequence += 1);
  const clientMessageId = `matrix-${n}-${Date.now()}`;
  const [app, , pattern] = key.split(" ") as [string, string, string];
  const fill = (p: string) =>
    p
      .replace(
        "[id]",
        pattern.includes("/offers/") ? people.offerA : pattern.includes("/commissions/") ? commissionId : booking,
      )
      .replace("[fileId]", pattern.includes("/images/") ? people.photoA : "photo-therapist-01");
  const path = fill(pattern);
  const image = () => {
    const form = chatImageForm(clientMessageId);
    return { path, headers: form.headers, body: form.body };
  };
  switch (key) {
    case "customer POST /api/bookings/[id]/cancel":
      return { path, json: { expectedVersion: 1, reason: "changed_mind" } };
    case "customer POST /api/bookings/[id]/decision":
      return { path, json: { expectedVersion: 1, decision: "find_another" } };
    case "customer POST /api/bookings/[id]/images":
    case "therapist-dashboard POST /api/bookings/[id]/images":
      return image();
    case "customer POST /api/bookings/[id]/messages":
    case "therapist-dashboard POST /api/bookings/[id]/messages":
      return { path, json: { kind: "text", clientMessageId, text: "matrix probe" } };
    case "customer GET /api/bookings/[id]/messages/search":
      return { path: `${path}?q=probe` };
    case "customer POST /api/bookings/[id]/rating":
      return { path, json: { stars: 5 } };
    case "customer POST /api/bookings":
      return {
        path,
        headers: { "idempotency-key": idempotencyKey() },
        json: {
          source: "bookNow",
          kind: "immediate",
          duration: 60,
          customerName: "Matrix Probe",
          customerWhatsapp: WHATSAPP.A,
          address: "Jl. Probe 1",
          lat: -8.69,
          lng: 115.16,
        },
      };
    case "customer POST /api/discount-codes/check":
      return { path, json: { code: "NOPE", duration: 60, providerType: "therapist", price: 300_000 } };
    case "customer POST /api/locale":
    case "therapist-dashboard POST /api/locale":
    case "admin-dashboard POST /api/locale":
      return { path, json: { locale: "en" } };
    case "therapist-dashboard POST /api/auth/login":
      return { path, json: { login: `nobody-${n}@security.tenang.id`, password: "wrong-password" } };
    case "admin-dashboard POST /api/auth/login":
      return { path, json: { email: `nobody-${n}@security.tenang.id`, password: "wrong-password" } };
    case "therapist-dashboard PUT /api/bank-details":
      return { path, json: {} };
    case "therapist-dashboard POST /api/bookings/[id]/status":
      return { path, json: { expectedVersion: 1, status: "on_the_way" } };
    case "therapist-dashboard POST /api/commissions/[id]/proof":
    case "therapist-dashboard POST /api/profile/photo": {
      const form = chatImageForm(clientMessageId);
      return { path, headers: form.headers, body: form.body };
    }
    case "therapist-dashboard POST /api/me/online":
      // Off, so the probes never make a therapist dispatchable.
      return { path, json: { online: false } };
    case "therapist-dashboard POST /api/offers/[id]/accept":
    case "therapist-dashboard POST /api/offers/[id]/decline":
      return { path, json: {} };
    case "therapist-dashboard PUT /api/profile":
      return { path, json: {} };
    default:
      void app;
      return { path };
  }
}

export type { Person };

/** Who sends what: each caller's own cookie; "foreign" is another app's session secret under this app's name. */
export function actorFor(people: People, role: Role, app: AppName): Actor | null {
  switch (role) {
    case "none":
      return null;
    case "ownerGuest":
      return people.guestA.actor;
    case "otherGuest":
      return people.guestB.actor;
    case "therapist":
      return people.therapistA;
    case "otherTherapist":
      return people.therapistB;
    case "admin":
      return people.admin;
    case "foreign": {
      // The most useful secret an attacker could carry over: a dashboard session on the customer app, an admin's
      // session on the therapist dashboard, a therapist's on the admin dashboard.
      const donor =
        app === "customer" ? people.therapistA : app === "therapist-dashboard" ? people.admin : people.therapistA;
      return { name: `foreign→${app}`, app, secret: donor.secret };
    }
  }
}
