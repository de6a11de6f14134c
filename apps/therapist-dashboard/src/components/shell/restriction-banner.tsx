"use client";

import Link from "next/link";
import { LATE_FEE } from "@tenang/booking-core/revenue";
import { Alert } from "@tenang/ui/alert";
import { buttonClassName } from "@tenang/ui/button";
import { useMessages } from "@/i18n/locale-context";
import { money } from "@/lib/format";
import { useMe } from "@/hooks/use-me";

/** Why this therapist gets no offers, and how to clear it: shown on every page while it lasts. */
export function RestrictionBanner() {
  const { data: me } = useMe();
  const m = useMessages();
  if (!me) return null;
  if (me.isRestricted) {
    const overdue = me.restrictedCode === "commission_overdue";
    return (
      <Alert
        tone="error"
        title={m.restriction.title}
        data-testid="restricted-banner"
        data-reason={me.restrictedCode ?? ""}
      >
        <p>{overdue ? m.restriction.overdueBody(money(LATE_FEE)) : (me.restrictedReason ?? m.restriction.otherBody)}</p>
        {overdue && (
          <>
            <p className="mt-1">{m.restriction.howToClear}</p>
            <Link href="/earnings" className={buttonClassName({ size: "md" }) + " mt-3"}>
              {m.restriction.openEarnings}
            </Link>
          </>
        )}
      </Alert>
    );
  }
  if (me.offlineAfterMissedOffers) {
    return (
      <Alert title={m.missedOffline.title} data-testid="missed-offline-banner">
        {m.missedOffline.body}
      </Alert>
    );
  }
  return null;
}
