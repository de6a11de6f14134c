import "server-only";
// The service worker's report that a notification arrived on the device or was tapped. The row id is the only
// credential (128 random bits, known only to the device it was pushed to), and a report only moves the status
// forward (sent → delivered → clicked), so a replay or a late "delivered" after "clicked" changes nothing.
import type { NotificationReceipt, NotificationStatus } from "@tenang/booking-core/schemas/push";
import type { BookingServerContext } from "../context";
import { findNotification, updateNotification } from "./notification-repository";

const rank: Record<NotificationStatus, number> = { failed: 0, pending: 1, sent: 2, delivered: 3, clicked: 4 };

/** True when the row moved. An unknown id is ignored (answering "no such id" would help nobody). */
export async function recordNotificationReceipt(
  ctx: BookingServerContext,
  receipt: NotificationReceipt,
): Promise<boolean> {
  const row = await findNotification(ctx, receipt.id);
  if (row === null || rank[receipt.event] <= rank[row.status]) return false;
  await updateNotification(ctx, row.id, { status: receipt.event, nextAttemptAt: null });
  return true;
}
