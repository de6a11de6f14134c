import "server-only";
// What the health monitor reports about notifications (issue 11 §2): of those created in the last period, how many
// the push services accepted. Pending rows are still being retried, so they count in neither direction yet.
import type { NotificationStatus } from "@tenang/booking-core/schemas/push";
import type { BookingServerContext } from "../context";
import { countNotificationsSince } from "./notification-repository";

export interface DeliveryReport {
  since: string;
  counts: Record<NotificationStatus, number>;
  /** accepted ÷ decided (sent + delivered + clicked + failed), 0…1; null when nothing was decided yet. */
  deliveryRate: number | null;
}

export function deliveryRateOf(counts: Record<NotificationStatus, number>): number | null {
  const accepted = counts.sent + counts.delivered + counts.clicked;
  const decided = accepted + counts.failed;
  return decided === 0 ? null : accepted / decided;
}

/** The report over the last `periodMs` (a day by default). */
export async function notificationDeliveryReport(
  ctx: BookingServerContext,
  periodMs: number = 24 * 60 * 60 * 1000,
): Promise<DeliveryReport> {
  const since = new Date(ctx.clock().getTime() - periodMs);
  const counts = await countNotificationsSince(ctx, since);
  return { since: since.toISOString(), counts, deliveryRate: deliveryRateOf(counts) };
}
