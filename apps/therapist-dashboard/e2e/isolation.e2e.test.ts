// Two therapists, one offer: the second therapist (a real user with the `therapist` label, linked to another
// therapist row) can neither read nor answer the first one's offers and bookings through the API, and their
// browser's realtime socket is sent no event about them.
import { acceptTherapist } from "@tenang/booking-server/bookings/customer-decisions";
import { cancelBooking } from "@tenang/booking-server/bookings/cancel-booking";
import { ID, Permission, Role } from "node-appwrite";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  bookNow,
  expect,
  expectBookingStatus,
  goOnline,
  liveEventCount,
  newCustomerId,
  offerCard,
  signIn,
  startWorld,
  type SignedIn,
  type World,
} from "./support/dashboard";

const SECOND = { email: "made.second@tenang.id", password: "second-therapist-pw", therapistId: "therapist-03" };

let world: World;
let first: SignedIn;
let second: SignedIn;

beforeAll(async () => {
  world = await startWorld();
  const user = await world.stack.admin.users.create({
    userId: ID.unique(),
    email: SECOND.email,
    password: SECOND.password,
    name: "Made Second",
  });
  await world.stack.admin.users.updateLabels({ userId: user.$id, labels: ["therapist"] });
  // Linked the way operations link an account: userId, and the row readable by that user (for realtime).
  await world.stack.admin.tablesDB.updateRow({
    databaseId: world.stack.databaseId,
    tableId: "therapists",
    rowId: SECOND.therapistId,
    data: { userId: user.$id },
    permissions: [Permission.read(Role.user(user.$id))],
  });
  first = await signIn(world);
  second = await signIn(world, SECOND.email, SECOND.password);
  await goOnline(first.page);
});
afterAll(async () => {
  await world?.close();
});

describe("one therapist's offers and bookings are theirs alone", () => {
  it("refuses the other therapist over REST (404, and 401 without a session) and sends their socket nothing", async () => {
    const api = (path: string) => `${world.app.url}${path}`;
    const customerId = newCustomerId();
    const created = await bookNow(world, customerId);
    const bookingId = created.booking.id;
    const offerId = created.booking.currentOfferId!;
    await offerCard(first.page, bookingId).waitFor();
    expect(await liveEventCount(first.page, "offers")).toBeGreaterThan(0);

    // REST, as the second therapist (their own session cookie).
    const offers = await second.page.request.get(api("/api/offers"));
    expect(offers.status()).toBe(200);
    expect((await offers.json()).offers).toEqual([]);
    const steal = await second.page.request.post(api(`/api/offers/${offerId}/accept`), { data: {} });
    expect(steal.status()).toBe(404);
    const decline = await second.page.request.post(api(`/api/offers/${offerId}/decline`), { data: {} });
    expect(decline.status()).toBe(404);
    expect((await world.row("offers", offerId)).status).toBe("pending");

    // The first therapist accepts; the customer confirms: the booking and its chat stay the first therapist's.
    await offerCard(first.page, bookingId).getByTestId("offer-accept").click();
    await expectBookingStatus(first.page, "therapist_found");
    await acceptTherapist(world.ctx, { customerId, bookingId, expectedVersion: 2 });
    await expectBookingStatus(first.page, "confirmed");
    for (const path of [`/api/bookings/${bookingId}`, `/api/bookings/${bookingId}/messages`]) {
      expect((await second.page.request.get(api(path))).status(), path).toBe(404);
    }
    const move = await second.page.request.post(api(`/api/bookings/${bookingId}/status`), {
      data: { expectedVersion: 3, status: "on_the_way" },
    });
    expect(move.status()).toBe(404);
    const write = await second.page.request.post(api(`/api/bookings/${bookingId}/messages`), {
      data: { kind: "text", clientMessageId: "intruder-0001", text: "hello" },
    });
    expect(write.status()).toBe(404);
    for (const scope of ["active", "upcoming", "history"]) {
      expect((await (await second.page.request.get(api(`/api/bookings?scope=${scope}`))).json()).bookings).toEqual([]);
    }
    expect((await world.row("bookings", bookingId)).status).toBe("confirmed");

    // Without a session: 401 everywhere.
    const anonymous = await world.browser.newContext();
    for (const path of ["/api/offers", `/api/bookings/${bookingId}`, "/api/earnings", "/api/me"]) {
      expect((await anonymous.request.get(api(path))).status(), path).toBe(401);
    }
    await anonymous.close();

    // Realtime: the second therapist's socket is live and does get its own rows (its therapist row changes when it
    // goes online), but was sent no offer or booking event. Events on one socket arrive in order, so the therapist
    // event arriving proves the earlier offer/booking events were never sent.
    await goOnline(second.page);
    await expect.poll(() => liveEventCount(second.page, "therapists")).toBeGreaterThan(0);
    expect(await liveEventCount(second.page, "offers")).toBe(0);
    expect(await liveEventCount(second.page, "bookings")).toBe(0);
    expect(await liveEventCount(first.page, "bookings")).toBeGreaterThan(0);
    expect(await second.page.getByTestId("offer-card").count()).toBe(0);

    await cancelBooking(world.ctx, {
      actor: { role: "customer", customerId },
      bookingId,
      expectedVersion: 3,
      reason: "changed_mind",
    });
  });
});
