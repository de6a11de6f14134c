// The therapist's side: a login made the way the demo seed makes one (user + `therapist` label + link from the
// therapist row), a phone-sized browser context signed in through the dashboard's own form, the online switch, and
// the offer cards on screen.
import { TABLES } from "@tenang/booking-core/resource-ids";
import { DEMO_LOGINS } from "@tenang/db/seed/demo-data";
import { PHONE_VIEWPORT } from "@tenang/testing/browser";
import { Permission, Role } from "node-appwrite";
import type { BrowserContext, Locator, Page } from "playwright-core";
import type { MarketplaceWorld } from "./marketplace-world";
import { recordScreen } from "./screen-log";

export interface TherapistLogin {
  therapistId: string;
  login: string;
  password: string;
}

/** The seeded demo therapist (therapist-01, Seminyak), linked to the demo login by the seed. */
export const DEMO_THERAPIST: TherapistLogin = {
  therapistId: "therapist-01",
  login: DEMO_LOGINS.therapist.email,
  password: DEMO_LOGINS.therapist.password,
};

/**
 * Gives a seeded therapist a dashboard login as packages/db's seed gives the demo therapist one: an Appwrite user
 * with the `therapist` label, its id in the therapist row's userId, and read permission on that row for the user
 * (so Realtime delivers the row's changes to them).
 */
export async function createTherapistLogin(world: MarketplaceWorld, therapistId: string): Promise<TherapistLogin> {
  const { users } = world.stack.admin;
  const therapist = await world.row(TABLES.therapists, therapistId);
  const userId = `e2e-${therapistId}`;
  const login = { therapistId, login: `${therapistId}@e2e.tenang.id`, password: `e2e-password-${therapistId}` };
  await users.create({ userId, email: login.login, password: login.password, name: String(therapist.name) });
  await users.updateLabels({ userId, labels: ["therapist"] });
  await world.updateRow(TABLES.therapists, therapistId, { userId }, [Permission.read(Role.user(userId))]);
  return login;
}

export interface TherapistScreen {
  therapistId: string;
  context: BrowserContext;
  page: Page;
}

/** Signs in through the dashboard's form and waits until its Realtime socket is live. */
export async function signInTherapist(world: MarketplaceWorld, login: TherapistLogin): Promise<TherapistScreen> {
  const context = await world.browser.newContext({ viewport: PHONE_VIEWPORT, locale: "en-US" });
  await recordScreen(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${world.dashboardApp.url}/login`);
  await page.getByLabel(/email/i).fill(login.login);
  await page.getByLabel(/password/i).fill(login.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.getByTestId("dashboard").waitFor();
  await page.locator('[data-testid="live-status"][data-state="live"]').waitFor();
  return { therapistId: login.therapistId, context, page };
}

/** Back to the dashboard's home (Today) through its navigation, without reloading the page. */
export async function openToday(screen: TherapistScreen): Promise<void> {
  await screen.page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Today" }).click();
  await screen.page.waitForURL((url) => url.pathname === "/");
}

/** Taps the online switch until it shows `online` (or `offline`), from the Today page. */
export async function setOnline(screen: TherapistScreen, online: boolean): Promise<void> {
  const { page } = screen;
  if (new URL(page.url()).pathname !== "/") await openToday(screen);
  const status = page.getByTestId("online-status");
  const wanted = online ? /^(online|busy)$/ : /^offline$/;
  if (!wanted.test((await status.getAttribute("data-state")) ?? "")) await page.getByTestId("online-toggle").click();
  await page.locator(`[data-testid="online-status"][data-state="${online ? "online" : "offline"}"]`).waitFor();
}

export const offerCard = (page: Page, bookingId: string): Locator =>
  page.locator(`[data-testid="offer-card"][data-booking-id="${bookingId}"]`);

/** The booking page's status badge, once it shows `status`. */
export function bookingStatusOn(page: Page, status: string): Promise<void> {
  return page.locator(`[data-testid="booking-status"][data-status="${status}"]`).waitFor();
}
