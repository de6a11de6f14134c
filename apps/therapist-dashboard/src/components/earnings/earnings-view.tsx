"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { secondsUntil } from "@tenang/booking-core/time";
import { Alert } from "@tenang/ui/alert";
import { Badge, type BadgeTone } from "@tenang/ui/badge";
import { Button } from "@tenang/ui/button";
import { Card } from "@tenang/ui/card";
import { EmptyState } from "@tenang/ui/empty-state";
import { Stat } from "@tenang/ui/stat";
import { TextField } from "@tenang/ui/text-field";
import { useState, type FormEvent } from "react";
import { useFormat, useMessages } from "@/i18n/locale-context";
import { isApiError } from "@tenang/chat-client/api-client";
import { apiFetch } from "@/lib/api-client";
import type { BankDetailsDto, CommissionDto, EarningsResponse, EarningsTotals } from "@/lib/dto";
import { queryKeys } from "@/lib/query-keys";
import { useNow } from "@/hooks/use-now";
import { MoneyFigure } from "@/components/money-figure";

const statusTones: Record<CommissionDto["status"], BadgeTone> = {
  pending: "neutral",
  due: "warning",
  paid_pending_review: "neutral",
  paid: "success",
  overdue: "danger",
  void: "neutral",
};

function PeriodStat({ label, totals, testId }: { label: string; totals: EarningsTotals; testId: string }) {
  const m = useMessages().earnings;
  const { money } = useFormat();
  return (
    <Stat
      label={label}
      value={money(totals.payout)}
      hint={`${m.bookings(totals.bookings)} · ${money(totals.amount)} − ${money(totals.commission)}`}
      data-testid={testId}
    />
  );
}

function ProofUpload({ commission }: { commission: CommissionDto }) {
  const m = useMessages().earnings;
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set("file", file);
      return apiFetch<{ status: string }>(`/api/commissions/${encodeURIComponent(commission.id)}/proof`, {
        body: form,
      });
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.earnings });
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
  const inputId = `proof-${commission.id}`;
  return (
    <div className="mt-2 flex flex-col gap-1">
      <label
        htmlFor={inputId}
        className="inline-flex h-10 cursor-pointer items-center justify-center rounded-full bg-tenang-600 px-4 text-sm font-medium text-white hover:bg-tenang-700"
      >
        {upload.isPending ? m.uploading : m.uploadProof}
      </label>
      <input
        id={inputId}
        type="file"
        accept="image/jpeg,image/png,image/webp,application/pdf"
        className="sr-only"
        disabled={upload.isPending}
        data-testid="proof-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload.mutate(file);
          e.target.value = "";
        }}
      />
      <p className="text-xs text-sand-500">{m.proofHint}</p>
      {upload.isError && <p className="text-sm text-rose-700">{upload.error.message}</p>}
    </div>
  );
}

function CommissionRow({ commission, now }: { commission: CommissionDto; now: number }) {
  const m = useMessages().earnings;
  const { longCountdown, money, when } = useFormat();
  const payable = commission.status === "due" || commission.status === "overdue";
  return (
    <Card as="li" data-testid="commission-row" data-status={commission.status} data-booking-id={commission.bookingId}>
      <div className="flex items-center justify-between gap-3">
        <span className="text-sm text-sand-600">{when(commission.bookingDate)}</span>
        <Badge dot tone={statusTones[commission.status]}>
          {m.status[commission.status] ?? commission.status}
        </Badge>
      </div>
      <dl className="mt-2 grid grid-cols-3 gap-2">
        <MoneyFigure label={m.amount} testId="commission-amount">
          {money(commission.amount)}
        </MoneyFigure>
        <MoneyFigure label={m.commission} testId="commission-fee">
          {money(commission.commission)}
        </MoneyFigure>
        <MoneyFigure label={m.payout} testId="commission-payout" strong>
          {money(commission.payout)}
        </MoneyFigure>
      </dl>
      {commission.status === "due" && commission.dueAt && (
        <p className="mt-2 text-sm text-amber-800" data-testid="commission-due-countdown">
          {m.dueIn} <span className="font-mono tabular-nums">{longCountdown(secondsUntil(commission.dueAt, now))}</span>
        </p>
      )}
      {commission.status === "overdue" && (
        <p className="mt-2 text-sm text-rose-700">
          {m.overdueSince} {commission.dueAt ? when(commission.dueAt) : ""} · {m.lateFee(money(commission.lateFee))}
        </p>
      )}
      {payable && <ProofUpload commission={commission} />}
    </Card>
  );
}

function BankDetailsForm({ initial }: { initial: BankDetailsDto | null }) {
  const m = useMessages().earnings;
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: BankDetailsDto) =>
      apiFetch<{ bankDetails: BankDetailsDto }>("/api/bank-details", { method: "PUT", body }),
    onSuccess: () => {
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: queryKeys.earnings });
    },
  });
  const issue = (path: string) =>
    isApiError(save.error) ? save.error.issues.find((i) => i.path === path)?.message : undefined;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const data = new FormData(event.currentTarget);
    save.mutate({
      bankName: String(data.get("bankName") ?? ""),
      accountName: String(data.get("accountName") ?? ""),
      accountNumber: String(data.get("accountNumber") ?? ""),
    });
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate data-testid="bank-form">
      {!initial && <p className="text-sm text-sand-600">{m.bankMissing}</p>}
      <TextField
        id="bankName"
        name="bankName"
        label={m.bankName}
        defaultValue={initial?.bankName}
        error={issue("bankName")}
      />
      <TextField
        id="accountName"
        name="accountName"
        label={m.accountName}
        defaultValue={initial?.accountName}
        error={issue("accountName")}
      />
      <TextField
        id="accountNumber"
        name="accountNumber"
        label={m.accountNumber}
        inputMode="numeric"
        defaultValue={initial?.accountNumber}
        error={issue("accountNumber")}
      />
      {save.isError && !isApiError(save.error, "validation_failed") && <Alert tone="error">{save.error.message}</Alert>}
      {saved && <Alert>{m.saved}</Alert>}
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? m.saving : m.saveBank}
      </Button>
    </form>
  );
}

export function EarningsView() {
  const messages = useMessages();
  const m = messages.earnings;
  const { money } = useFormat();
  const now = useNow(1_000);
  const query = useQuery({
    queryKey: queryKeys.earnings,
    queryFn: () => apiFetch<EarningsResponse>("/api/earnings"),
    refetchInterval: 30_000,
  });
  if (query.isPending) return <p className="text-sm text-sand-500">{messages.common.loading}</p>;
  if (query.isError) return <Alert tone="error">{query.error.message}</Alert>;
  const data = query.data;
  return (
    <div className="flex flex-col gap-5" data-testid="earnings">
      <h1 className="text-2xl font-semibold tracking-tight text-sand-900">{m.title}</h1>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <PeriodStat label={m.today} totals={data.totals.today} testId="earnings-today" />
        <PeriodStat label={m.week} totals={data.totals.week} testId="earnings-week" />
        <PeriodStat label={m.month} totals={data.totals.month} testId="earnings-month" />
      </dl>

      <Card className={data.overdue > 0 ? "border-rose-300" : undefined} data-testid="owed">
        <h2 className="text-base font-semibold text-sand-900">{m.owedTitle}</h2>
        {data.owed > 0 ? (
          <>
            <p className="mt-1 text-3xl font-semibold tracking-tight tabular-nums">{money(data.owed)}</p>
            {data.overdue > 0 && (
              <p className="text-sm text-rose-700">
                {m.overdueTitle}: {money(data.overdue)}
              </p>
            )}
            <p className="mt-2 text-sm text-sand-600">{m.howToPay}</p>
          </>
        ) : (
          <p className="mt-1 text-sm text-sand-600">{m.owedNothing}</p>
        )}
      </Card>

      <section className="flex flex-col gap-3">
        <h2 className="text-base font-semibold text-sand-900">{m.listTitle}</h2>
        {data.commissions.length === 0 ? (
          <EmptyState title={m.empty} />
        ) : (
          <ul className="flex flex-col gap-3">
            {data.commissions.map((c) => (
              <CommissionRow key={c.id} commission={c} now={now} />
            ))}
          </ul>
        )}
      </section>

      <Card>
        <h2 className="mb-3 text-base font-semibold text-sand-900">{m.bankTitle}</h2>
        <BankDetailsForm initial={data.bankDetails} />
      </Card>
    </div>
  );
}
