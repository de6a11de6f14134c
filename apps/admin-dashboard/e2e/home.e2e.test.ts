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
});
