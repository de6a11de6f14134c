import "server-only";
// A customer's creation lock: every new booking of a customer creates customer_holds/<customerId>-c<n>, n = 1 + the
// customer's last sequence. Two creates that read the same last sequence create the same $id, and Appwrite fails the
// second commit as a whole (409), so booking-core's "one booking under way, at most three scheduled" check
// (booking-limits) is never made by two writers on the same bookings. The loser re-reads and decides again.
//
// Why the check is sound: a creator reads the last sequence first and the customer's open bookings after it. A
// booking that committed before that first read is in the second one; a booking that commits after it took
// sequence n, so this creator's n collides. Nothing has to be released when a booking ends: the check reads the
// bookings themselves, so no lock row can be left behind holding a customer who has nothing under way.
import { Query } from "node-appwrite";
import type { WriteSet } from "../appwrite/write-set";
import type { BookingServerContext } from "../context";
import { listRows } from "../shared/rows";
import { TABLES } from "@tenang/booking-core/resource-ids";
import { customerHoldId } from "../tables";

export interface CustomerHold {
  customerId: string;
  sequence: number;
}

/** The hold the customer's next booking takes. Read it before the customer's open bookings (see above). */
export async function nextCustomerHold(ctx: BookingServerContext, customerId: string): Promise<CustomerHold> {
  const [last] = await listRows(ctx, TABLES.customerHolds, [
    Query.equal("customerId", customerId),
    Query.orderDesc("sequence"),
    Query.limit(1),
  ]);
  return { customerId, sequence: typeof last?.sequence === "number" ? last.sequence + 1 : 1 };
}

export function stageCustomerHold(set: WriteSet, hold: CustomerHold, bookingId: string, at: Date): void {
  set.create(TABLES.customerHolds, customerHoldId(hold.customerId, hold.sequence), {
    customerId: hold.customerId,
    sequence: hold.sequence,
    bookingId,
    at: at.toISOString(),
  });
}
