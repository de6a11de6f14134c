// The admin dashboard's front door: sign-in with the seeded admin, then the marketplace counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startLocalStack, type LocalStack } from "@tenang/testing/local-stack";
import { startNextApp, type RunningApp } from "@tenang/testing/next-app";
import { launchBrowser } from "@tenang/testing/browser";
import { assetsContaining } from "@tenang/testing/client-assets";
import { DEMO_LOGINS, demoTherapists } from "@tenang/db/seed/demo-data";

let stack: LocalStack;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  stack = await startLocalStack();
  app = await startNextApp("admin-dashboard", stack.appEnv);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await stack?.close();
});

describe("admin dashboard", () => {
  it("signs the demo admin in and shows the seeded therapist count", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(app.url);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/login");
    await page.getByLabel(/email/i).fill(DEMO_LOGINS.admin.email);
    await page.getByLabel(/password/i).fill(DEMO_LOGINS.admin.password);
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/");
    await expect
      .poll(() => page.getByTestId("count-therapists").innerText())
      .toContain(String(demoTherapists().length));
    await page.screenshot({ path: "../../docs/screenshots/admin-home.png" });
    await context.close();
    expect(assetsContaining(app.dir, [stack.apiKey, "local-dev-key"])).toEqual([]);
  });

  it("refuses the therapist login (no admin label)", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/login`);
    await page.getByLabel(/email/i).fill(DEMO_LOGINS.therapist.email);
    await page.getByLabel(/password/i).fill(DEMO_LOGINS.therapist.password);
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect.poll(() => page.getByTestId("login-error").innerText()).toMatch(/\S/);
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });
  // Issue 9: sessions lasted a year, admin included. An admin session now lives an hour past its last use.
  it("gives the admin session cookie an hour, renewed by page loads, and signs out for real", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/login`);
    await page.getByLabel(/email/i).fill(DEMO_LOGINS.admin.email);
    await page.getByLabel(/password/i).fill(DEMO_LOGINS.admin.password);
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/");
    const sessionCookie = async () => (await context.cookies()).find((c) => c.name === "tenang_admin_session");
    const hoursLeft = async () => ((await sessionCookie())!.expires * 1000 - Date.now()) / 3600_000;
    expect(await hoursLeft()).toBeGreaterThan(0.9);
    expect(await hoursLeft()).toBeLessThanOrEqual(1.01);

    // A page load renews the signed activity stamp next to it.
    await page.goto(`${app.url}/bookings`);
    const stamp = (await context.cookies()).find((c) => c.name === "tenang_admin_session_seen");
    expect(stamp?.httpOnly).toBe(true);
    expect(await hoursLeft()).toBeLessThanOrEqual(1.01);

    // Sign-out deletes the session in Appwrite, not only the cookie.
    const secret = (await sessionCookie())!.value;
    await page.getByTestId("sign-out").click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/login");
    const replay = await fetch(`${app.url}/api/commissions/x/proof`, {
      headers: { cookie: `tenang_admin_session=${secret}` },
    });
    expect(replay.status).toBe(401);
    await context.close();
  });
});
