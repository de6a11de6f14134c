// The customer home page, served by `next start` against a fresh local Appwrite server with the demo seed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Request } from "playwright-core";
import { startLocalStack, type LocalStack } from "@tenang/testing/local-stack";
import { startNextApp, type RunningApp } from "@tenang/testing/next-app";
import { launchBrowser, PHONE_VIEWPORT } from "@tenang/testing/browser";
import { assetsContaining } from "@tenang/testing/client-assets";
import { demoTherapists } from "@tenang/db/seed/demo-data";

let stack: LocalStack;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  stack = await startLocalStack();
  app = await startNextApp("customer", stack.appEnv);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await stack?.close();
});

describe("customer home", () => {
  it("lists the seeded therapists with photos and rupiah prices, and never sends the API key", async () => {
    const context = await browser.newContext({ viewport: PHONE_VIEWPORT });
    const page = await context.newPage();
    const requests: Request[] = [];
    page.on("request", (r) => requests.push(r));

    await page.goto(app.url, { waitUntil: "networkidle" });
    const cards = page.getByTestId("therapist-card");
    await expect.poll(() => cards.count()).toBeGreaterThan(0);

    const names = await page.getByTestId("therapist-name").allTextContents();
    const seeded = demoTherapists().map((t) => t.name);
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const name of names) expect(seeded).toContain(name.trim());

    const body = await page.locator("body").innerText();
    expect(body).toMatch(/Rp\d{1,3}(\.\d{3})+/);

    // Photos are served through the app's own route handler and actually decode.
    const img = cards.first().locator("img").first();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    expect(await img.getAttribute("src")).toMatch(/^\/api\/photos\//);

    await page.screenshot({ path: "../../docs/screenshots/customer-home.png", fullPage: false });

    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) {
      const headers = await r.allHeaders();
      expect(Object.keys(headers)).not.toContain("x-appwrite-key");
      const raw = JSON.stringify({ url: r.url(), headers, body: r.postData() });
      expect(raw).not.toContain(stack.apiKey);
      // The browser talks only to its own app (Realtime excepted, which this page does not open).
      expect(new URL(r.url()).origin).toBe(app.url);
    }
    await context.close();
  });

  it("serves no client asset that contains an API key", () => {
    expect(assetsContaining(app.dir, [stack.apiKey, "local-dev-key"])).toEqual([]);
  });
});
