// Finding 8 (issue 9): a WhatsApp number signs in to one therapist account only. A therapist cannot save a number
// another therapist already uses, however it is spelled, so a number can never start to sign in to someone else's
// account. Against a fresh local server with the demo seed, through this app's own server modules.
import { attemptLimits } from "@tenang/booking-core/rate-limit";
import { therapistProfileInputSchema } from "@tenang/booking-core/schemas/therapist";
import { startLocalStack, type LocalStack } from "@tenang/testing/local-stack";
import { DEMO_LOGINS, demoTherapists } from "@tenang/db/seed/demo-data";
import { DEMO_THERAPIST_USER_ID } from "@tenang/db/seed/seed-demo";
import type * as EngineTherapists from "@tenang/booking-server/therapists/therapist-repository";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as AppServerModule from "@/server/app-server";
import type * as ProfileModule from "@/server/therapists/profile";

let stack: LocalStack;
let app: Pick<typeof ProfileModule, "saveProfile" | "toProfileDto"> &
  Pick<typeof EngineTherapists, "requireTherapistSnapshot"> &
  Pick<typeof AppServerModule, "bookingServer" | "logIn">;

const [sari, made] = demoTherapists() as [ReturnType<typeof demoTherapists>[0], ReturnType<typeof demoTherapists>[0]];
const MADE_LOGIN = { email: "made@example.com", password: "made-password-1" };
/** Local spelling of an E.164 Indonesian number: +62812… → 0812… */
const localSpelling = (e164: string) => `0${e164.slice(3)}`;

beforeAll(async () => {
  stack = await startLocalStack();
  // The app reads its configuration once, from the environment, when its modules load.
  Object.assign(process.env, stack.appEnv);
  const profile = await import("@/server/therapists/profile");
  app = {
    saveProfile: profile.saveProfile,
    toProfileDto: profile.toProfileDto,
    requireTherapistSnapshot: (await import("@tenang/booking-server/therapists/therapist-repository"))
      .requireTherapistSnapshot,
    bookingServer: (await import("@/server/app-server")).bookingServer,
    logIn: (await import("@/server/app-server")).logIn,
  };
  // A second therapist with an account of their own (the seed links only the demo therapist to a user).
  const { users, tablesDB } = stack.admin;
  const user = await users.create({ userId: "made-user", email: MADE_LOGIN.email, password: MADE_LOGIN.password });
  await users.updateLabels({ userId: user.$id, labels: ["therapist"] });
  await tablesDB.updateRow({
    databaseId: stack.databaseId,
    tableId: "therapists",
    rowId: made.id,
    data: { userId: user.$id },
  });
}, 60_000);
afterAll(() => stack?.close());

/** Sari's profile form as stored, with `whatsapp` typed as given. */
async function sariProfileWith(whatsapp: string) {
  const { therapist } = await app.requireTherapistSnapshot(app.bookingServer(), sari.id);
  return therapistProfileInputSchema.parse({ ...app.toProfileDto(therapist), whatsapp });
}

const byPhone = (phone: string, password: string) => ({ kind: "phone" as const, phone, password });

describe("sign-in identifiers are unique (finding 8)", () => {
  it("refuses to save another therapist's WhatsApp number, in any spelling, with a clear 409", async () => {
    for (const spelling of [made.whatsapp, localSpelling(made.whatsapp)]) {
      const error = await app.saveProfile(sari.id, await sariProfileWith(spelling), "id").catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: "whatsapp_in_use",
        issues: [{ path: "whatsapp", message: "Nomor WhatsApp ini sudah dipakai akun lain." }],
      });
    }
    const { therapist } = await app.requireTherapistSnapshot(app.bookingServer(), sari.id);
    expect(therapist.whatsapp).toBe(sari.whatsapp);
  });

  it("the number keeps signing in to its own account only", async () => {
    await expect(app.logIn(byPhone(made.whatsapp, MADE_LOGIN.password), "203.0.113.80")).resolves.toMatchObject({
      userId: "made-user",
    });
    await expect(
      app.logIn(byPhone(made.whatsapp, DEMO_LOGINS.therapist.password), "203.0.113.81"),
    ).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("still saves the therapist's own number, and a new one nobody uses", async () => {
    await expect(app.saveProfile(sari.id, await sariProfileWith(sari.whatsapp), "en")).resolves.toMatchObject({
      whatsapp: sari.whatsapp,
    });
    const fresh = "+6281299990001";
    await expect(app.saveProfile(sari.id, await sariProfileWith(fresh), "en")).resolves.toMatchObject({
      whatsapp: fresh,
    });
    await expect(app.logIn(byPhone(fresh, DEMO_LOGINS.therapist.password), "203.0.113.82")).resolves.toMatchObject({
      userId: DEMO_THERAPIST_USER_ID,
    });
  });

  it("the database itself refuses a second row with the same number (a race past the check)", async () => {
    const error = await stack.admin.tablesDB
      .updateRow({
        databaseId: stack.databaseId,
        tableId: "therapists",
        rowId: sari.id,
        data: { whatsapp: made.whatsapp },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 409 });
  });

  it("the number and the email of one account share one sign-in allowance (finding 5)", async () => {
    const ip = "203.0.113.90";
    const [{ limit }] = attemptLimits.signInFromAddress;
    const byEmail = { kind: "email" as const, email: MADE_LOGIN.email, password: "wrong-password-x" };
    // Half the allowance spent typing the number, half typing the email…
    for (let i = 0; i < limit; i += 1) {
      const input = i % 2 === 0 ? byPhone(made.whatsapp, `wrong-password-${i}`) : byEmail;
      await expect(app.logIn(input, ip)).rejects.toMatchObject({ code: "unauthorized" });
    }
    // …and both are spent.
    await expect(app.logIn(byPhone(made.whatsapp, MADE_LOGIN.password), ip)).rejects.toMatchObject({
      code: "rate_limited",
    });
    await expect(app.logIn({ ...byEmail, password: MADE_LOGIN.password }, ip)).rejects.toMatchObject({
      code: "rate_limited",
    });
  });
});
