import { Badge, type BadgeTone } from "@tenang/ui/badge";
import { buttonClassName } from "@tenang/ui/button";
import { Card } from "@tenang/ui/card";
import type { AdminCommissionView } from "@tenang/booking-server/admin/commission-queue";
import type { Locale } from "@tenang/booking-core/locale";
import type { Messages } from "@/i18n/messages";
import { money, when } from "@/lib/format";
import { ConfirmPaymentButton } from "./confirm-payment-button";

const TONE: Record<AdminCommissionView["group"], BadgeTone> = {
  awaiting_confirmation: "warning",
  overdue: "danger",
  due: "neutral",
  paid: "success",
};

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="flex justify-between gap-3 md:flex-col md:justify-start md:gap-0.5">
      <dt className="text-sand-500">{label}</dt>
      <dd className="text-right font-medium text-sand-900 tabular-nums md:text-left" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** One commission record: who owes what for which booking, and what operations can do about it. */
export function CommissionCard({ view, locale, m }: { view: AdminCommissionView; locale: Locale; m: Messages }) {
  const c = m.commissions;
  const provider = view.providerName ?? c.unknownProvider;
  return (
    <Card
      as="li"
      className="flex flex-col gap-3"
      data-testid="commission-row"
      data-commission-id={view.id}
      data-group={view.group}
      data-status={view.status}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate text-base font-semibold text-sand-900" data-testid="commission-provider">
            {provider}
            {view.providerType === "place" && <span className="ml-1 text-sm font-normal text-sand-500">({c.spa})</span>}
          </p>
          <p className="text-xs text-sand-500">
            {c.customer}: {view.customerFirstName ?? "—"} · #{view.bookingId}
          </p>
        </div>
        <div className="flex flex-wrap gap-1.5">
          {view.providerRestricted && view.group !== "paid" && (
            <Badge tone="danger" dot data-testid="provider-restricted">
              {c.restricted}
            </Badge>
          )}
          <Badge tone={TONE[view.group]} data-testid="commission-status">
            {c.status[view.status]}
          </Badge>
        </div>
      </div>
      <dl className="grid gap-1.5 text-sm md:grid-cols-4 md:gap-3">
        <Field label={c.bookingDate} value={view.bookingDate ? when(view.bookingDate, locale) : "—"} />
        <Field label={c.amount} value={money(view.amount)} testId="commission-amount" />
        <Field label={c.commission} value={money(view.commission)} testId="commission-commission" />
        <Field label={c.lateFee} value={money(view.lateFee)} testId="commission-late-fee" />
        <Field label={c.total} value={money(view.group === "paid" ? 0 : view.commission + view.lateFee)} />
        <Field label={c.dueAt} value={view.dueAt ? when(view.dueAt, locale) : "—"} testId="commission-due" />
        {view.group === "awaiting_confirmation" && <Field label={c.proofSentAt} value={when(view.updatedAt, locale)} />}
        {view.paidAt && <Field label={c.paidAt} value={when(view.paidAt, locale)} testId="commission-paid-at" />}
      </dl>
      {(view.hasProof || view.group === "awaiting_confirmation") && (
        <div className="flex flex-wrap gap-2">
          {view.hasProof && (
            <a
              href={`/api/commissions/${encodeURIComponent(view.id)}/proof`}
              target="_blank"
              rel="noopener"
              className={buttonClassName({ variant: "secondary" })}
              data-testid="view-proof"
            >
              {c.viewProof}
            </a>
          )}
          {view.group === "awaiting_confirmation" && <ConfirmPaymentButton commissionId={view.id} />}
        </div>
      )}
    </Card>
  );
}
