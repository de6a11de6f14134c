import "server-only";
// A realistic data set for the backup proof test and benchmark: therapists, chat messages (with non-ASCII text and
// per-user read permissions) and commission records, written through the SDK in bulk creates of 100, plus a few
// files. The defaults come to 50,000 rows.
import { createHash } from "node:crypto";
import { InputFile } from "node-appwrite/file";
import { BUCKETS, TABLES } from "@tenang/booking-core/resource-ids";
import type { BookingServerContext } from "../context.ts";

export const PROOF_SIZES = { therapists: 500, messages: 30_000, commissions: 19_500 } as const;

export async function seedProofData(
  ctx: BookingServerContext,
  sizes: { therapists: number; messages: number; commissions: number } = PROOF_SIZES,
): Promise<void> {
  const put = async (tableId: string, count: number, make: (i: number) => Record<string, unknown>) => {
    for (let from = 0; from < count; from += 100) {
      const rows = Array.from({ length: Math.min(100, count - from) }, (_, k) => make(from + k));
      await ctx.tablesDB.createRows({ databaseId: ctx.databaseId, tableId, rows });
    }
  };
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  await put(TABLES.therapists, sizes.therapists, (i) => ({
    $id: `t${i}`,
    name: `Therapist ${i}`,
    area: ["seminyak", "canggu", "ubud"][i % 3],
    lat: -8.6 - i / 10_000,
    lng: 115.1 + i / 10_000,
    gender: i % 2 ? "female" : "male",
    $permissions: [`read("user:u${i}")`],
    $createdAt: at(i),
  }));
  await put(TABLES.messages, sizes.messages, (i) => ({
    $id: `m${i}`,
    bookingId: `b${i % 5000}`,
    senderType: i % 2 ? "customer" : "therapist",
    kind: "text",
    text: `Pesan ${i}: saya sudah di lobi — “ok” 👍`,
    clientMessageId: `c${i}`,
    $permissions: [`read("user:u${i % 500}")`, `read("user:cust${i % 5000}")`],
    $createdAt: at(i),
  }));
  await put(TABLES.commissions, sizes.commissions, (i) => ({
    $id: `k${i}`,
    bookingId: `b${i}`,
    providerType: "therapist",
    therapistId: `t${i % Math.max(1, sizes.therapists)}`,
    amount: 250_000 + i,
    commission: 75_000,
    payout: 175_000 + i,
    rateBps: 3000,
    status: ["due", "paid", "overdue"][i % 3],
    dueAt: at(i + 180),
  }));
  for (const [bucketId, name] of [
    [BUCKETS.chatImages, "a.jpg"],
    [BUCKETS.chatImages, "b.png"],
    [BUCKETS.paymentProofs, "proof.pdf"],
  ] as const) {
    const bytes = createHash("sha512").update(name).digest();
    await ctx.storage.createFile({
      bucketId,
      fileId: name.replace(".", "-"),
      file: InputFile.fromBuffer(Buffer.concat([bytes, bytes]), name),
    });
  }
}
