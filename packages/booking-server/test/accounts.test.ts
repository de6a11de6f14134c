// What the apps keep in Appwrite users and buckets besides table rows (src/guests, src/files, the therapist's bank
// details and photo), against the local server with the real schema and seed.
import { DEMO_THERAPIST_USER_ID } from "@tenang/db/seed/seed-demo";
import { BUCKETS } from "@tenang/booking-core/resource-ids";
import { Account, Client, Query } from "node-appwrite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPhoto } from "../src/files/get-photo";
import { deleteGuestSession, findGuestProfile } from "../src/guests/guest-repository";
import { rememberGuestProfile } from "../src/guests/remember-guest-profile";
import { startGuestSession } from "../src/guests/start-guest-session";
import { findBankDetails, saveBankDetails } from "../src/therapists/bank-details-repository";
import { replaceTherapistPhoto } from "../src/therapists/replace-therapist-photo";
import { requireTherapistSnapshot } from "../src/therapists/therapist-repository";
import { type Engine, TABLES, startEngine } from "./support/engine";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

let engine: Engine;
beforeAll(async () => {
  engine = await startEngine();
});
afterAll(() => engine.close());

/** The session behind a guest's secret, as the customer app's sign-in check reads it. */
const sessionOf = (secret: string) =>
  new Account(
    new Client().setEndpoint(engine.stack.endpoint).setProject(engine.stack.projectId).setSession(secret),
  ).getSession({ sessionId: "current" });

describe("guests", () => {
  it("starts an anonymous guest once, then remembers and returns their booking details", async () => {
    const { ctx } = engine;
    const started = await startGuestSession(ctx, { existingUserId: null, ip: "203.0.113.7" });
    expect(started.profile).toEqual({ name: null, whatsapp: null, locale: null });
    const created = started.created!;
    expect(created.userId).toBe(started.userId);
    expect(created.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(await sessionOf(created.secret)).toMatchObject({ userId: started.userId, provider: "anonymous" });

    const profile = { name: "Emma Clarke", whatsapp: "+6281234567890", locale: "id" as const };
    await rememberGuestProfile(ctx, started.userId, profile);
    expect(await findGuestProfile(ctx, started.userId)).toEqual(profile);
    expect(await findGuestProfile(ctx, null)).toEqual({ name: null, whatsapp: null, locale: null });

    // A browser that already is this guest gets them back, with no new user or session.
    const again = await startGuestSession(ctx, { existingUserId: started.userId, ip: "203.0.113.7" });
    expect(again).toEqual({ userId: started.userId, profile, created: null });

    await deleteGuestSession(ctx, started.userId, created.sessionId);
    await expect(sessionOf(created.secret)).rejects.toMatchObject({ code: 401 });
  });
});

describe("a therapist's bank details", () => {
  it("are kept in their user preferences, next to whatever else is stored there", async () => {
    const { ctx } = engine;
    await ctx.users.updatePrefs({ userId: DEMO_THERAPIST_USER_ID, prefs: { theme: "dark" } });
    expect(await findBankDetails(ctx, DEMO_THERAPIST_USER_ID)).toBeNull();
    const bank = { bankName: "BCA", accountName: "Wayan Sudarta", accountNumber: "1234567890" };
    await saveBankDetails(ctx, DEMO_THERAPIST_USER_ID, bank);
    expect(await findBankDetails(ctx, DEMO_THERAPIST_USER_ID)).toEqual(bank);
    expect(await ctx.users.getPrefs({ userId: DEMO_THERAPIST_USER_ID })).toMatchObject({ theme: "dark", bank });
  });
});

describe("a therapist's profile photo", () => {
  it("is replaced file first, row next, old file last, and served by id", async () => {
    const { ctx } = engine;
    const [row] = await engine.rows(TABLES.therapists, [Query.equal("userId", DEMO_THERAPIST_USER_ID)]);
    const { therapist } = await requireTherapistSnapshot(ctx, row!.$id);
    const first = await replaceTherapistPhoto(ctx, { therapist, upload: { name: "me.png", bytes: PNG } });
    expect((await engine.row(TABLES.therapists, therapist.id)).photoFileId).toBe(first.photoFileId);
    const second = await replaceTherapistPhoto(ctx, { therapist: first, upload: { name: "me2.png", bytes: PNG } });
    expect((await engine.row(TABLES.therapists, therapist.id)).photoFileId).toBe(second.photoFileId);
    await expect(
      ctx.storage.getFile({ bucketId: BUCKETS.therapistPhotos, fileId: first.photoFileId! }),
    ).rejects.toMatchObject({ code: 404 });

    const photo = await getPhoto(ctx, second.photoFileId!, null);
    expect(photo.mimeType).toBe("image/png");
    expect(Buffer.from(photo.bytes).equals(PNG)).toBe(true);
    await expect(getPhoto(ctx, first.photoFileId!, null)).rejects.toMatchObject({ code: "not_found" });
    await expect(getPhoto(ctx, "../not an id", 96)).rejects.toMatchObject({ code: "not_found" });
  });
});
