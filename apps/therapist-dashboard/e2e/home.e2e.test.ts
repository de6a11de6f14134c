// The therapist dashboard's front door: sign-in with the seeded demo therapist against a fresh local server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startLocalStack, type LocalStack } from "@tenang/testing/local-stack";
import { startNextApp, type RunningApp } from "@tenang/testing/next-app";
import { launchBrowser, PHONE_VIEWPORT } from "@tenang/testing/browser";
import { assetsContaining } from "@tenang/testing/client-assets";
import { DEMO_LOGINS } from "@tenang/db/seed/demo-data";

let stack: LocalStack;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  stack = await startLocalStack();
  app = await startNextApp("therapist-dashboard", stack.appEnv);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await stack?.close();
});

describe("therapist dashboard", () => {
  it("sends a signed-out visitor to the sign-in page, and signs the demo therapist in", async () => {
    const context = await browser.newContext({ viewport: PHONE_VIEWPORT });
    const page = await context.newPage();
    await page.goto(app.url);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/login");

    await page.getByLabel(/email/i).fill(DEMO_LOGINS.therapist.email);
    await page.getByLabel(/password/i).fill("wrong-password");
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect.poll(() => page.getByTestId("login-error").innerText()).toMatch(/\S/);
    expect(new URL(page.url()).pathname).toBe("/login");

    await page.getByLabel(/password/i).fill(DEMO_LOGINS.therapist.password);
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/");
    await expect.poll(() => page.locator("body").innerText()).toContain(DEMO_LOGINS.therapist.name);

    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "tenang_session");
    expect(session?.httpOnly).toBe(true);
    // A settled page for the screenshot: realtime connected, the (empty) list of bookings loaded.
    await page.locator('[data-testid="live-status"][data-state="live"]').waitFor();
    await page.getByText(/No active booking/).waitFor();
    await page.screenshot({ path: "../../docs/screenshots/therapist-home.png" });
    await context.close();
  });

  it("refuses an admin (no therapist label) and serves no API key to the browser", async () => {
    const context = await browser.newContext({ viewport: PHONE_VIEWPORT });
    const page = await context.newPage();
    await page.goto(`${app.url}/login`);
    await page.getByLabel(/email/i).fill(DEMO_LOGINS.admin.email);
    await page.getByLabel(/password/i).fill(DEMO_LOGINS.admin.password);
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect.poll(() => page.getByTestId("login-error").innerText()).toMatch(/\S/);
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
    expect(assetsContaining(app.dir, [stack.apiKey, "local-dev-key"])).toEqual([]);
  });
});
