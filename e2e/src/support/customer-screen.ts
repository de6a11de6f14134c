// The customer's side: a phone-sized guest (a browser context of their own, so an anonymous session of their own)
// who books through the chat window: Book now, the service confirmation card, Confirm & Search.
import { PHONE_VIEWPORT } from "@tenang/testing/browser";
import type { BrowserContext, Page } from "playwright-core";
import type { MarketplaceWorld } from "./marketplace-world";
import { recordScreen } from "./screen-log";

export interface CustomerScreen {
  context: BrowserContext;
  page: Page;
}

export async function newCustomer(world: MarketplaceWorld): Promise<CustomerScreen> {
  const context = await world.browser.newContext({ viewport: PHONE_VIEWPORT, locale: "en-US" });
  await recordScreen(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/** From the home page: Book now, then the service card filled in; stops before Confirm & Search. */
export async function openBookNow(world: MarketplaceWorld, customer: CustomerScreen): Promise<void> {
  await customer.page.goto(world.customerApp.url);
  await customer.page.getByTestId("book-now").click();
  await fillServiceCard(customer);
}

/** Fills the service confirmation card (location by area, so no geolocation prompt is involved). */
export async function fillServiceCard({ page }: CustomerScreen): Promise<void> {
  await page.getByTestId("service-confirmation").waitFor();
  await page.getByLabel("Area").selectOption({ label: "Seminyak" });
  await page.getByLabel("Address").fill("Jl. Kayu Aya No. 8, Seminyak");
  await page.getByLabel("Hotel or villa (optional)").fill("Villa Kembang");
  await page.getByLabel("Room (optional)").fill("12");
  await page.getByLabel("Your name").fill("Emma Clarke");
  await page.getByLabel("WhatsApp number").fill("0812 3456 7890");
}

/** Taps Confirm & Search on the (filled) service card; returns the new booking's id once the chat shows it. */
export async function confirmAndSearch({ page }: CustomerScreen): Promise<string> {
  await page.getByTestId("confirm-search").click();
  const chat = page.locator('[data-testid="booking-chat"][data-booking-id]');
  await chat.waitFor();
  const id = await chat.getAttribute("data-booking-id");
  if (!id) throw new Error("the chat shows no booking id");
  return id;
}

/** The booking status the customer's chat window shows (null when it shows no booking). */
export function customerStatus({ page }: CustomerScreen): Promise<string | null> {
  return page
    .getByTestId("booking-chat")
    .getAttribute("data-status", { timeout: 1_000 })
    .catch(() => null);
}

/** A system message of the customer's chat, by its key (e.g. "on_the_way"). */
export const systemMessage = ({ page }: CustomerScreen, key: string) =>
  page.locator(`[data-testid="system-message"][data-key="${key}"]`);
