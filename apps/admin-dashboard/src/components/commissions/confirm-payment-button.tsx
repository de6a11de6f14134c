"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@tenang/ui/button";
import { useMessages } from "@/i18n/locale-context";
import { useShowConfirmNotice } from "./confirm-notice";

interface ErrorBody {
  error?: { code?: string; message?: string };
}

/**
 * POST /api/commissions/[id]/approve, then a fresh server render (the row moves to "paid"). A click on a record
 * someone already confirmed (another tab, another admin) answers 409: said plainly, and the list is refreshed.
 */
export function ConfirmPaymentButton({ commissionId }: { commissionId: string }) {
  const m = useMessages();
  const router = useRouter();
  const show = useShowConfirmNotice();
  const [pending, setPending] = useState(false);

  async function confirm() {
    setPending(true);
    try {
      const response = await fetch(`/api/commissions/${encodeURIComponent(commissionId)}/approve`, { method: "POST" });
      if (response.ok) {
        show({ tone: "info", text: m.commissions.confirmed, commissionId });
      } else {
        const body = (await response.json().catch(() => ({}))) as ErrorBody;
        const stale = response.status === 409 || response.status === 404;
        const text = stale ? m.commissions.stale : (body.error?.message ?? m.common.unknownError);
        show({ tone: stale ? "info" : "error", text, commissionId });
        if (response.status === 401) router.replace("/login");
      }
      router.refresh();
    } catch {
      show({ tone: "error", text: m.common.offline, commissionId });
    } finally {
      setPending(false);
    }
  }

  return (
    // confirm() shows every failure as a notice, so its promise never rejects.
    <Button onClick={() => void confirm()} disabled={pending} data-testid="confirm-payment">
      {pending ? m.commissions.confirming : m.commissions.confirm}
    </Button>
  );
}
