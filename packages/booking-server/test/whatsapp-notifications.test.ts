// WhatsApp as a second channel (issue 11 §2), against a local stub of the WhatsApp Cloud API (never the internet):
// the stub checks the documented request — POST /<version>/<phone-number-id>/messages, a Bearer token, a template
// message — and answers the documented success or error bodies. With the channel configured, the engine's own
// changes reach the therapist's and the customer's numbers; a refusal is given up at once, a 500 is retried.
import { type IncomingMessage, type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Query } from "node-appwrite";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBooking } from "../src/bookings/create-booking";
import type { BookingServerContext } from "../src/context";
import { notify, settleNotifications } from "../src/notifications/notify";
import { retryDueNotifications } from "../src/notifications/retry-due-notifications";
import { respondToOffer } from "../src/bookings/respond-to-offer";
import { type Engine, TABLES, bookingInput, newKey, startEngine } from "./support/engine";
import { rankedFor } from "./support/fixtures";

interface GraphRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: {
    messaging_product: string;
    recipient_type: string;
    to: string;
    type: string;
    template: {
      name: string;
      language: { code: string };
      components: Array<{ type: string; parameters: Array<{ type: string; text: string }> }>;
    };
  };
}

const PHONE_NUMBER_ID = "106540352242922";
const TOKEN = "test-access-token";

/** The Cloud API's answers, as its documentation shows them. */
const answers = {
  ok: (to: string) => ({
    status: 200,
    body: {
      messaging_product: "whatsapp",
      contacts: [{ input: to, wa_id: to }],
      messages: [{ id: "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA" }],
    },
  }),
  notAllowed: () => ({
    status: 400,
    body: {
      error: {
        message: "(#131030) Recipient phone number not in allowed list",
        type: "OAuthException",
        code: 131030,
        fbtrace_id: "Az8or2yhqkZfEZ-_4Qn_Bam",
      },
    },
  }),
  down: () => ({ status: 500, body: { error: { message: "An unknown error occurred", code: 1 } } }),
};

let mode: keyof typeof answers = "ok";
const received: GraphRequest[] = [];
let stub: Server;
let engine: Engine;
let ctx: BookingServerContext;

beforeAll(async () => {
  stub = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      const body = JSON.parse(raw) as GraphRequest["body"];
      received.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
      const answer = answers[mode](body.to);
      res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => stub.listen(0, "127.0.0.1", resolve));
  engine = await startEngine();
  ctx = {
    ...engine.ctx,
    whatsapp: {
      apiUrl: `http://127.0.0.1:${(stub.address() as AddressInfo).port}/v21.0`,
      phoneNumberId: PHONE_NUMBER_ID,
      accessToken: TOKEN,
    },
  };
});
afterAll(async () => {
  await settleNotifications();
  await engine.close();
  await new Promise((resolve) => stub.close(resolve));
});
beforeEach(() => {
  received.length = 0;
  mode = "ok";
});

const whatsappRows = (queries: string[] = []) =>
  engine.rows(TABLES.notifications, [Query.equal("channel", "whatsapp"), ...queries]);

describe("WhatsApp channel", () => {
  it("the therapist's offer and the customer's 'therapist found' go to their numbers as template messages", async () => {
    const input = bookingInput();
    const [first] = await rankedFor(engine, input);
    const therapistId = first!.therapist.id;
    await engine.update(TABLES.therapists, therapistId, { userId: `wa-${therapistId}`.slice(0, 36) });
    const therapistNumber = String((await engine.row(TABLES.therapists, therapistId)).whatsapp);

    const view = await createBooking(ctx, { customerId: "wa-customer-1", input, idempotencyKey: newKey() });
    await settleNotifications();
    expect(received).toHaveLength(1);
    const [offer] = received;
    expect(offer).toMatchObject({ method: "POST", path: `/v21.0/${PHONE_NUMBER_ID}/messages` });
    expect(offer!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(offer!.headers["content-type"]).toBe("application/json");
    expect(offer!.body).toMatchObject({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: therapistNumber.replace("+", ""),
      type: "template",
      template: { name: "tenang_new_offer", language: { code: "id" } },
    });
    const [body] = offer!.body.template.components;
    expect(body!.type).toBe("body");
    expect(body!.parameters).toHaveLength(1);
    expect(body!.parameters[0]!.text).toMatch(/^60 menit · .+Pendapatan Anda Rp/);

    await respondToOffer(ctx, { therapistId, offerId: view.booking.currentOfferId!, response: "accept" });
    await settleNotifications();
    const found = received.at(-1)!;
    // The customer typed 0812 3456 7890 (Indonesian); the booking stores +6281234567890.
    expect(found.body).toMatchObject({
      to: "6281234567890",
      template: { name: "tenang_therapist_found", language: { code: "en" } },
    });
    expect(found.body.template.components[0]!.parameters[0]!.text).toMatch(/Decide within \d+ min/);

    const rows = await whatsappRows([Query.equal("bookingId", view.booking.id)]);
    expect(rows.map((r) => [r.kind, r.status, r.recipientPhone])).toEqual([
      ["new_offer", "sent", therapistNumber],
      ["therapist_found", "sent", "+6281234567890"],
    ]);
  });

  const expiredFor = (customerId: string) => ({
    to: { role: "customer" as const, customerId },
    notification: { key: "booking_expired" as const, params: {} },
    booking: null,
  });

  it("a number without a booking to read it from is not messaged", async () => {
    await notify(ctx, expiredFor("wa-customer-2"));
    expect(received).toHaveLength(0);
  });

  it("a refusal (number not allowed, unknown template) is given up at once; a 500 is retried with backoff", async () => {
    const input = bookingInput();
    const [first] = await rankedFor(engine, input);
    await engine.update(TABLES.therapists, first!.therapist.id, { userId: `wa-${first!.therapist.id}`.slice(0, 36) });

    mode = "notAllowed";
    const refused = await createBooking(ctx, { customerId: "wa-customer-3", input, idempotencyKey: newKey() });
    await settleNotifications();
    const [given] = await whatsappRows([Query.equal("bookingId", refused.booking.id)]);
    expect(given).toMatchObject({ status: "failed", attempts: 1, nextAttemptAt: null });
    expect(given!.lastError).toBe("HTTP 400 (#131030) Recipient phone number not in allowed list");

    mode = "down";
    const [second] = await rankedFor(engine, bookingInput(), [first!.therapist.id]);
    await engine.update(TABLES.therapists, second!.therapist.id, {
      userId: `wa-${second!.therapist.id}`.slice(0, 36),
    });
    const input2 = bookingInput({ customerWhatsapp: "0813 1111 2222" });
    const down = await createBooking(ctx, { customerId: "wa-customer-4", input: input2, idempotencyKey: newKey() });
    await settleNotifications();
    const [pending] = await whatsappRows([Query.equal("bookingId", down.booking.id)]);
    expect(pending).toMatchObject({ status: "pending", attempts: 1 });

    mode = "ok";
    engine.clock.advance(Date.parse(String(pending!.nextAttemptAt)) - engine.clock().getTime());
    expect(await retryDueNotifications(ctx)).toMatchObject({ tried: 1, sent: 1 });
    const [sent] = await whatsappRows([Query.equal("bookingId", down.booking.id)]);
    expect(sent).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });
});
