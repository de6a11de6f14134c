// Operations confirm commission payments: a therapist's two sessions go overdue (late fee, restricted) and a third is
// merely due; the therapist sends a transfer proof for one; in the admin browser it waits first in line, its proof
// opens through the admin-only route, Confirm marks it paid — the restriction stays while the other record is
// overdue and lifts once that one is confirmed too (by a second admin, so this browser's click is a stale one).
// Bookings are listed by status, the page switches to Bahasa Indonesia, and a therapist's session is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ID, Permission, Query, Role } from "node-appwrite";
import { InputFile } from "node-appwrite/file";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createBookingInputSchema, type Booking } from "@tenang/booking-core/schemas/booking";
import { formatRupiah } from "@tenang/booking-core/rupiah";
import { formatDateTime } from "@tenang/booking-core/time";
import { acceptTherapist } from "@tenang/booking-server/bookings/customer-decisions";
import { createBooking } from "@tenang/booking-server/bookings/create-booking";
import { updateBookingProgress } from "@tenang/booking-server/bookings/update-progress";
import {
  approveCommissionPayment,
  submitCommissionPayment,
} from "@tenang/booking-server/commissions/approve-commission-payment";
import { createBookingServerContext, type BookingServerContext } from "@tenang/booking-server/context";
import { respondToOffer } from "@tenang/booking-server/bookings/respond-to-offer";
import { sweepDueBookings } from "@tenang/booking-server/sweeper/sweep-due-bookings";
import { setTherapistOnline } from "@tenang/booking-server/therapists/set-therapist-online";
import { DEMO_LOGINS } from "@tenang/db/seed/demo-data";
import { launchBrowser, PHONE_VIEWPORT } from "@tenang/testing/browser";
import { startLocalStack, type LocalStack } from "@tenang/testing/local-stack";
import { startNextApp, type RunningApp } from "@tenang/testing/next-app";

const SCREENSHOTS = "../../docs/screenshots";
const THERAPIST_ID = "therapist-01";
const HOUR_MS = 3_600_000;
const LAPTOP = { width: 1280, height: 800 };
// A 1×1 PNG: what a phone's photo of a bank transfer is, as far as the server can tell.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

let stack: LocalStack;
let app: RunningApp;
let browser: Browser;
let ctx: BookingServerContext;
let admin: { context: BrowserContext; page: Page };

const contextAt = (offsetMs: number) =>
  createBookingServerContext({
    endpoint: stack.endpoint,
    projectId: stack.projectId,
    apiKey: stack.apiKey,
    databaseId: stack.databaseId,
    clock: () => new Date(Date.now() + offsetMs),
  });
const row = (tableId: string, rowId: string) =>
  stack.admin.tablesDB.getRow({ databaseId: stack.databaseId, tableId, rowId });

let customers = 0;
/** A Book-now at the demo therapist's doorstep, served to completion through the engine (clock `at`). */
async function servedBooking(at: BookingServerContext, customerName: string): Promise<Booking> {
  customers += 1;
  const customerId = `e2e-admin-customer-${process.pid}-${customers}`;
  const therapist = await row("therapists", THERAPIST_ID);
  const input = createBookingInputSchema.parse({
    source: "bookNow",
    kind: "immediate",
    duration: 60,
    customerName,
    customerWhatsapp: "0812 3456 7890",
    address: "Jl. Kayu Aya No. 8, Seminyak",
    lat: therapist.lat as number,
    lng: therapist.lng as number,
    locale: "en",
  });
  const key = `e2e-admin-${Date.now()}-${customers}`.padEnd(16, "0");
  const created = await createBooking(at, { customerId, input, idempotencyKey: key });
  expect(created.booking.offeredTherapistIds).toEqual([THERAPIST_ID]);
  await respondToOffer(at, { therapistId: THERAPIST_ID, offerId: created.booking.currentOfferId!, response: "accept" });
  let { booking } = await acceptTherapist(at, { customerId, bookingId: created.booking.id, expectedVersion: 2 });
  for (const status of ["on_the_way", "arrived", "in_progress", "completed"] as const) {
    // The therapist's view of the booking holds no contact details; the rest of it moves on.
    booking = {
      ...booking,
      ...(
        await updateBookingProgress(at, {
          therapistId: THERAPIST_ID,
          bookingId: booking.id,
          expectedVersion: booking.version,
          input: { status, expectedVersion: booking.version },
        })
      ).booking,
    };
  }
  return booking;
}

/** The therapist's side of paying: the file in the private bucket (readable by them), then the record. */
async function sendProof(commissionId: string, name = "transfer.png", bytes: Buffer = PNG): Promise<string> {
  const userId = (await row("therapists", THERAPIST_ID)).userId as string;
  const file = await stack.admin.storage.createFile({
    bucketId: "payment-proofs",
    fileId: ID.unique(),
    file: InputFile.fromBuffer(bytes, name),
    permissions: [Permission.read(Role.user(userId))],
  });
  await submitCommissionPayment(ctx, { therapistId: THERAPIST_ID, commissionId, proofFileId: file.$id });
  return file.$id;
}

const commissionRow = (page: Page, id: string) =>
  page.locator(`[data-testid="commission-row"][data-commission-id="${id}"]`);
const inGroup = (page: Page, group: string, id: string) =>
  page.locator(`[data-testid="group-${group}"] [data-testid="commission-row"][data-commission-id="${id}"]`);

let early: Booking; // overdue, proof sent
let late: Booking; // overdue, no proof yet
let fresh: Booking; // due
let proofFileId: string;

beforeAll(async () => {
  stack = await startLocalStack();
  app = await startNextApp("admin-dashboard", stack.appEnv);
  browser = await launchBrowser();
  ctx = contextAt(0);
  // Only the demo therapist is online, so dispatch can only pick them.
  const online = await stack.admin.tablesDB.listRows({
    databaseId: stack.databaseId,
    tableId: "therapists",
    queries: [Query.equal("isOnline", true), Query.limit(500)],
  });
  for (const therapist of online.rows) {
    await stack.admin.tablesDB.updateRow({
      databaseId: stack.databaseId,
      tableId: "therapists",
      rowId: therapist.$id,
      data: { isOnline: false },
    });
  }
  await setTherapistOnline(ctx, { therapistId: THERAPIST_ID, online: true });
  // Two sessions four hours ago (their 3 h have run out), one just now; then the sweeper runs.
  const fourHoursAgo = contextAt(-4 * HOUR_MS);
  early = await servedBooking(fourHoursAgo, "Emma Clarke");
  late = await servedBooking(fourHoursAgo, "Liam Brown");
  fresh = await servedBooking(ctx, "Noor Aziz");
  await sweepDueBookings(ctx);
  expect((await row("commissions", early.id)).status).toBe("overdue");
  expect((await row("commissions", fresh.id)).status).toBe("due");
  expect((await row("therapists", THERAPIST_ID)).isRestricted).toBe(true);
  proofFileId = await sendProof(early.id);

  const context = await browser.newContext({ viewport: PHONE_VIEWPORT });
  const page = await context.newPage();
  await page.goto(`${app.url}/login`);
  await page.getByLabel(/email/i).fill(DEMO_LOGINS.admin.email);
  await page.getByLabel(/password/i).fill(DEMO_LOGINS.admin.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL((url) => url.pathname === "/");
  admin = { context, page };
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await stack?.close();
});

describe("commissions", () => {
  it("lists the proof to check first, then overdue (fee, restricted), then due, with money and times in WITA", async () => {
    const { page } = admin;
    await page.getByRole("link", { name: "Commissions" }).click();
    await inGroup(page, "awaiting_confirmation", early.id).waitFor();
    await inGroup(page, "overdue", late.id).waitFor();
    await inGroup(page, "due", fresh.id).waitFor();
    const order = await page
      .locator('[data-testid="commission-row"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-commission-id")));
    expect(order.filter((id) => [early.id, late.id, fresh.id].includes(id ?? ""))).toEqual([
      early.id,
      late.id,
      fresh.id,
    ]);

    const record = await row("commissions", early.id);
    const therapist = await row("therapists", THERAPIST_ID);
    const first = commissionRow(page, early.id);
    expect(await first.getByTestId("commission-provider").innerText()).toContain(therapist.name as string);
    expect(await first.getByTestId("commission-amount").innerText()).toBe(formatRupiah(early.amount, "id"));
    expect(await first.getByTestId("commission-commission").innerText()).toBe(
      formatRupiah(Math.round(early.amount * 0.3), "id"),
    );
    expect(await first.getByTestId("commission-late-fee").innerText()).toBe("Rp25.000");
    expect(await first.getByTestId("commission-due").innerText()).toBe(
      formatDateTime(record.dueAt as string, { locale: "en" }),
    );
    expect(await first.getByTestId("commission-due").innerText()).toMatch(/WITA$/);
    expect(await first.getByTestId("commission-status").innerText()).toBe("Proof sent");
    expect(await first.innerText()).toContain("Emma");
    expect(await commissionRow(page, late.id).getByTestId("provider-restricted").isVisible()).toBe(true);
    expect(await commissionRow(page, late.id).getByTestId("commission-late-fee").innerText()).toBe("Rp25.000");
    expect(await commissionRow(page, fresh.id).getByTestId("commission-late-fee").innerText()).toBe("Rp0");
    // The restriction is the therapist's, so it shows on every open record of theirs.
    expect(await commissionRow(page, fresh.id).getByTestId("provider-restricted").count()).toBe(1);
    // Only rows with a proof under review can be confirmed; the file id and the key never reach the page.
    expect(await commissionRow(page, late.id).getByTestId("confirm-payment").count()).toBe(0);
    const html = await page.content();
    expect(html).not.toContain(proofFileId);
    expect(html).not.toContain(stack.apiKey);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOTS}/admin-commissions.png`, fullPage: true });
    await page.setViewportSize(LAPTOP);
    await page.screenshot({ path: `${SCREENSHOTS}/admin-commissions-laptop.png`, fullPage: true });
    await page.setViewportSize(PHONE_VIEWPORT);
  });

  it("opens the proof through the admin route only", async () => {
    const { page, context } = admin;
    const link = commissionRow(page, early.id).getByTestId("view-proof");
    const href = await link.getAttribute("href");
    expect(href).toBe(`/api/commissions/${early.id}/proof`);
    const [popup, shown] = await Promise.all([
      context.waitForEvent("page"),
      context.waitForEvent("response", (r) => r.url().endsWith(href!)),
      link.click(),
    ]);
    expect(shown.status()).toBe(200);
    expect(shown.headers()["content-type"]).toBe("image/png");
    await popup.close();

    const response = await page.request.get(`${app.url}${href}`);
    expect(response.headers()["cache-control"]).toBe("private, no-store");
    expect(response.headers()["content-security-policy"]).toContain("sandbox");
    expect(Buffer.from(await response.body()).equals(PNG)).toBe(true);
    // A record without a proof has nothing to show.
    expect((await page.request.get(`${app.url}/api/commissions/${late.id}/proof`)).status()).toBe(404);
  });

  it("confirms the payment: paid in the database, still restricted while another record is overdue", async () => {
    const { page } = admin;
    await commissionRow(page, early.id).getByTestId("confirm-payment").click();
    await inGroup(page, "paid", early.id).waitFor();
    expect(await page.getByTestId("confirm-notice").innerText()).toBe("Payment confirmed.");
    const record = await row("commissions", early.id);
    expect(record.status).toBe("paid");
    expect(record.paidAt).toEqual(expect.any(String));
    expect(await row("therapists", THERAPIST_ID)).toMatchObject({ isRestricted: true });
    // Confirming it again is refused and changes nothing.
    const again = await page.request.post(`${app.url}/api/commissions/${early.id}/approve`);
    expect([again.status(), (await again.json()).error.code]).toEqual([409, "invalid_transition"]);
  });

  it("a stale Confirm (another admin was faster) says so; with nothing overdue the restriction is lifted", async () => {
    const { page } = admin;
    await sendProof(late.id, "transfer.pdf", PDF);
    await page.reload();
    await inGroup(page, "awaiting_confirmation", late.id).waitFor();
    const pdf = await page.request.get(`${app.url}/api/commissions/${late.id}/proof`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect(Buffer.from(await pdf.body()).equals(PDF)).toBe(true);
    // Another admin confirms it while this page still offers the button.
    await approveCommissionPayment(ctx, { commissionId: late.id, adminId: "another-admin" });
    expect(await row("therapists", THERAPIST_ID)).toMatchObject({ isRestricted: false, restrictedReason: null });

    await commissionRow(page, late.id).getByTestId("confirm-payment").click();
    await expect
      .poll(() => page.getByTestId("confirm-notice").innerText())
      .toBe("This payment was already confirmed, or it changed in the meantime. The list is up to date now.");
    await inGroup(page, "paid", late.id).waitFor();
    expect((await row("commissions", late.id)).status).toBe("paid");
    expect(await commissionRow(page, fresh.id).getByTestId("provider-restricted").count()).toBe(0);
  });

  it("lists the latest bookings by status, read-only", async () => {
    const { page } = admin;
    await page.getByRole("link", { name: "Bookings" }).click();
    await page.getByTestId("filter-completed").click();
    await expect.poll(() => new URL(page.url()).search).toBe("?status=completed");
    const served = page.locator(`[data-testid="booking-row"][data-booking-id="${fresh.id}"]`);
    await served.waitFor();
    expect(await served.getByTestId("booking-customer").innerText()).toBe("Noor");
    expect(await served.getByTestId("booking-provider").innerText()).toBe(
      (await row("therapists", THERAPIST_ID)).name as string,
    );
    expect(await served.getByTestId("booking-amount").innerText()).toBe(formatRupiah(fresh.amount, "id"));
    expect(await served.getByTestId("booking-source").innerText()).toBe("Book now");
    expect(await served.innerText()).toContain("WITA");
    const statuses = await page
      .locator('[data-testid="booking-row"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status")));
    expect(new Set(statuses)).toEqual(new Set(["completed"]));
    await page.screenshot({ path: `${SCREENSHOTS}/admin-bookings.png`, fullPage: true });

    await page.getByTestId("filter-cancelled").click();
    await expect.poll(() => new URL(page.url()).search).toBe("?status=cancelled");
    expect(await page.locator(`[data-booking-id="${fresh.id}"]`).count()).toBe(0);
  });

  it("switches to Bahasa Indonesia", async () => {
    const { page } = admin;
    await page.goto(`${app.url}/commissions`);
    await page.getByTestId("locale-id").click();
    await page.getByRole("heading", { level: 1, name: "Komisi" }).waitFor();
    expect(await commissionRow(page, early.id).getByTestId("commission-status").innerText()).toBe("Lunas");
    expect(await commissionRow(page, fresh.id).getByTestId("commission-due").innerText()).toMatch(/\d\d\.\d\d WITA$/);
    await page.getByTestId("locale-en").click();
    await page.getByRole("heading", { level: 1, name: "Commissions" }).waitFor();
  });

  it("refuses a therapist's session, and no session at all", async () => {
    const userId = (await row("therapists", THERAPIST_ID)).userId as string;
    const session = await stack.admin.users.createSession({ userId });
    const context = await browser.newContext({ viewport: PHONE_VIEWPORT });
    await context.addCookies([{ name: "tenang_admin_session", value: session.secret, url: app.url }]);
    const page = await context.newPage();
    await page.goto(`${app.url}/commissions`);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/login");
    const proof = await page.request.get(`${app.url}/api/commissions/${early.id}/proof`);
    expect([proof.status(), (await proof.json()).error.code]).toEqual([403, "forbidden"]);
    const approve = await page.request.post(`${app.url}/api/commissions/${fresh.id}/approve`);
    expect(approve.status()).toBe(403);
    await context.clearCookies();
    expect((await page.request.get(`${app.url}/api/commissions/${early.id}/proof`)).status()).toBe(401);
    expect((await page.request.post(`${app.url}/api/commissions/${fresh.id}/approve`)).status()).toBe(401);
    await page.goto(`${app.url}/bookings`);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/login");
    await context.close();
    expect((await row("commissions", fresh.id)).status).toBe("due");
  });
});
