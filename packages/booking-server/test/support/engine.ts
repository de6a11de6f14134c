// A fresh local Appwrite (schema + demo seed) and a booking-server context on it, with a clock the test moves.
import { type CreateBookingInput, createBookingInputSchema } from "@tenang/booking-core/schemas/booking";
import { type LocalStack, startLocalStack } from "@tenang/testing/local-stack";
import { Client, type Models, Query, TablesDB } from "node-appwrite";
import { type BookingServerContext, createBookingServerContext } from "../../src/context";
import { TABLES } from "@tenang/booking-core/resource-ids";

export interface TestClock {
  (): Date;
  advance(ms: number): void;
  set(ms: number): void;
}

export function createTestClock(startMs: number): TestClock {
  let now = startMs;
  const clock = (() => new Date(now)) as TestClock;
  clock.advance = (ms) => {
    now += ms;
  };
  clock.set = (ms) => {
    now = ms;
  };
  return clock;
}

export interface Engine {
  stack: LocalStack;
  ctx: BookingServerContext;
  clock: TestClock;
  /** Another "process": its own clients, same clock. */
  secondContext(): BookingServerContext;
  rows(tableId: string, queries?: string[]): Promise<Models.DefaultRow[]>;
  row(tableId: string, rowId: string): Promise<Models.DefaultRow>;
  update(tableId: string, rowId: string, data: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export const OFFER_WINDOW_SECONDS = 30;

export async function startEngine(): Promise<Engine> {
  const stack = await startLocalStack();
  const clock = createTestClock(Date.now());
  const make = () =>
    createBookingServerContext({
      endpoint: stack.endpoint,
      projectId: stack.projectId,
      apiKey: stack.apiKey,
      databaseId: stack.databaseId,
      offerWindowSeconds: OFFER_WINDOW_SECONDS,
      clock,
    });
  const ctx = make();
  const admin = new TablesDB(new Client().setEndpoint(stack.endpoint).setProject(stack.projectId).setKey(stack.apiKey));
  return {
    stack,
    ctx,
    clock,
    secondContext: make,
    rows: async (tableId, queries = []) =>
      (await admin.listRows({ databaseId: stack.databaseId, tableId, queries: [...queries, Query.limit(1000)] })).rows,
    row: (tableId, rowId) => admin.getRow({ databaseId: stack.databaseId, tableId, rowId }),
    update: async (tableId, rowId, data) => {
      await admin.updateRow({ databaseId: stack.databaseId, tableId, rowId, data });
    },
    close: () => stack.close(),
  };
}

/** The middle of Seminyak: some twenty seeded therapists are online within 15 km. */
export const SEMINYAK = { lat: -8.6913, lng: 115.1682 };

export function bookingInput(overrides: Record<string, unknown> = {}): CreateBookingInput {
  return createBookingInputSchema.parse({
    source: "bookNow",
    kind: "immediate",
    duration: 60,
    customerName: "Emma Clarke",
    customerWhatsapp: "0812 3456 7890",
    address: "Jl. Kayu Aya No. 8, Seminyak",
    hotelOrVilla: "Villa Kembang",
    roomNumber: "12",
    ...SEMINYAK,
    ...overrides,
  });
}

let keys = 0;
/** A fresh Idempotency-Key (16–64 of A–Z a–z 0–9 _ -). */
export function newKey(): string {
  keys += 1;
  return `test-key-${Date.now()}-${keys}`.padEnd(16, "0");
}

let customers = 0;
export function newCustomerId(): string {
  customers += 1;
  return `cust-${process.pid}-${customers}`;
}

/** Tomorrow at `hour`:00 WITA (UTC+8), as UTC ISO: always ≥ 2 h ahead, on the slot grid, inside 08–22 h. */
export function tomorrowAtWita(nowMs: number, hour: number): string {
  const wita = new Date(nowMs + 8 * 3_600_000);
  const day = Date.UTC(wita.getUTCFullYear(), wita.getUTCMonth(), wita.getUTCDate() + 1, hour - 8);
  return new Date(day).toISOString();
}

export { TABLES };
