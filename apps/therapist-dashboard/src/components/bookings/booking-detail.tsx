"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PAYMENT_WINDOW_MS } from "@tenang/booking-core/revenue";
import { chatRoomStatusFor } from "@tenang/booking-core/chat";
import { formatCountdown, secondsUntil } from "@tenang/booking-core/time";
import type { ProviderStatusInput } from "@tenang/booking-core/schemas/booking-actions";
import { Alert } from "@tenang/ui/alert";
import { Badge } from "@tenang/ui/badge";
import { Button, buttonClassName } from "@tenang/ui/button";
import { Card } from "@tenang/ui/card";
import { EmptyState } from "@tenang/ui/empty-state";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { useFormat, useMessages } from "@/i18n/locale-context";
import { isApiError } from "@tenang/chat-client/api-client";
import { apiFetch } from "@/lib/api-client";
import type { BookingDto, BookingResponse } from "@/lib/dto";
import { labelFor } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import { useNow } from "@/hooks/use-now";
import { BookingChat } from "@/components/chat/booking-chat";
import { statusTone } from "./booking-status";

const BOOKING_POLL_MS = 5_000;

/** A status update as the buttons build it; the booking's version is added when it is sent. */
type StatusUpdate = ProviderStatusInput extends infer T
  ? T extends unknown
    ? Omit<T, "expectedVersion">
    : never
  : never;

type NextStep = "on_the_way" | "arrived" | "in_progress" | "completed";
const nextStepOf: Partial<Record<BookingDto["status"], NextStep>> = {
  confirmed: "on_the_way",
  on_the_way: "arrived",
  arrived: "in_progress",
  in_progress: "completed",
};
const canReportDelay = (status: BookingDto["status"]) => status === "confirmed" || status === "on_the_way";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 py-2">
      <dt className="text-xs text-sand-500">{label}</dt>
      <dd className="text-sm text-sand-900">{children}</dd>
    </div>
  );
}

export function BookingDetail({ bookingId, therapistId }: { bookingId: string; therapistId: string }) {
  const messages = useMessages();
  const m = messages.booking;
  const { longCountdown, money, serviceLabel, when } = useFormat();
  const queryClient = useQueryClient();
  const now = useNow(1_000);
  const query = useQuery({
    queryKey: queryKeys.booking(bookingId),
    queryFn: async () => {
      const response = await apiFetch<BookingResponse>(`/api/bookings/${encodeURIComponent(bookingId)}`);
      return response.booking;
    },
    refetchInterval: BOOKING_POLL_MS,
    retry: (count, error) => !isApiError(error, "not_found") && count < 1,
  });
  const [eta, setEta] = useState("");
  const [delay, setDelay] = useState("15");
  const [showDelay, setShowDelay] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const update = useMutation({
    mutationFn: (input: ProviderStatusInput) =>
      apiFetch<BookingResponse>(`/api/bookings/${encodeURIComponent(bookingId)}/status`, { body: input }),
    onSuccess: (response) => {
      setNotice(null);
      setShowDelay(false);
      queryClient.setQueryData(queryKeys.booking(bookingId), response.booking);
    },
    onError: (error) => setNotice(error.message),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.bookings });
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      void queryClient.invalidateQueries({ queryKey: queryKeys.earnings });
    },
  });

  if (query.isPending) return <p className="text-sm text-sand-500">{messages.common.loading}</p>;
  if (query.isError || !query.data) {
    return (
      <EmptyState
        title={m.notFound}
        description={isApiError(query.error, "not_found") ? m.notFoundBody : query.error?.message}
        action={
          <Link href="/" className={buttonClassName()} data-testid="booking-gone">
            {m.back}
          </Link>
        }
      />
    );
  }
  const booking = query.data;
  const next = nextStepOf[booking.status];
  const busy = update.isPending;
  const send = (input: StatusUpdate) => update.mutate({ ...input, expectedVersion: booking.version });
  const room = chatRoomStatusFor(booking, now);
  // The chat exists from confirmation on; after a cancellation or 24 h after completion it stays readable.
  const showChat = room === "active" || (room === "closed" && booking.confirmedAt !== null);
  const commissionDueAt =
    booking.status === "completed" && booking.completedAt ? Date.parse(booking.completedAt) + PAYMENT_WINDOW_MS : null;

  return (
    <div
      className="flex flex-col gap-4"
      data-testid="booking-detail"
      data-status={booking.status}
      data-version={booking.version}
    >
      <div className="flex items-center justify-between gap-3">
        <div>
          <p className="text-xs text-sand-500">{m.title}</p>
          <h1 className="text-xl font-semibold text-sand-900">{serviceLabel(booking.massageType, booking.duration)}</h1>
        </div>
        <Badge dot tone={statusTone(booking.status)} data-testid="booking-status" data-status={booking.status}>
          {m.status[booking.status] ?? booking.status}
        </Badge>
      </div>

      {notice && (
        <Alert tone="error" data-testid="booking-notice">
          {notice}
        </Alert>
      )}

      {booking.status === "therapist_found" && (
        <Alert title={m.status.therapist_found} data-testid="waiting-for-customer">
          <p>{m.waitingForCustomer(booking.customerFirstName)}</p>
          {booking.customerDecisionDeadline && (
            <p className="mt-1 font-mono tabular-nums">
              {m.decisionCountdown} {formatCountdown(secondsUntil(booking.customerDecisionDeadline, now))}
            </p>
          )}
        </Alert>
      )}
      {booking.status === "cancelled" && (
        <Alert tone="error" title={m.status.cancelled} data-testid="booking-cancelled">
          {m.cancelledBody(labelFor(m.parties, booking.cancelledBy ?? "system"))}
        </Alert>
      )}
      {booking.status === "expired" && <Alert title={m.status.expired}>{m.expiredBody}</Alert>}

      {booking.customer && (
        <Card data-testid="customer-card">
          <dl className="divide-y divide-sand-100">
            <Field label={m.customer}>
              <span className="font-semibold" data-testid="customer-name">
                {booking.customer.name}
              </span>
            </Field>
            <Field label={m.whatsapp}>
              <a
                href={booking.customer.whatsappLink}
                target="_blank"
                rel="noreferrer"
                className="font-medium text-tenang-700 underline"
                data-testid="customer-whatsapp"
              >
                {booking.customer.whatsappDisplay} · {m.openWhatsapp}
              </a>
            </Field>
            {booking.address && (
              <Field label={m.address}>
                <span className="block" data-testid="booking-address">
                  {booking.address}
                </span>
                {(booking.hotelOrVilla || booking.roomNumber) && (
                  <span className="block text-sand-600">
                    {[booking.hotelOrVilla, booking.roomNumber && `${m.room} ${booking.roomNumber}`]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                )}
                {booking.mapUrl && (
                  <a
                    href={booking.mapUrl}
                    target="_blank"
                    rel="noreferrer"
                    className="mt-1 inline-block font-medium text-tenang-700 underline"
                    data-testid="booking-map"
                  >
                    {m.openMap}
                  </a>
                )}
              </Field>
            )}
          </dl>
        </Card>
      )}

      <Card>
        <dl className="divide-y divide-sand-100">
          {booking.scheduledFor && <Field label={m.scheduledFor}>{when(booking.scheduledFor)}</Field>}
          <Field label={m.amount}>{money(booking.amount)}</Field>
          <Field label={m.commission}>−{money(booking.commission)}</Field>
          <Field label={m.payout}>
            <span className="text-base font-semibold text-tenang-700">{money(booking.payout)}</span>
          </Field>
        </dl>
        {commissionDueAt !== null && (
          <p className="mt-2 text-sm text-sand-700" data-testid="commission-countdown">
            {m.commissionDue(money(booking.commission))}{" "}
            <span className="font-mono tabular-nums">{longCountdown(secondsUntil(commissionDueAt, now))}</span>
          </p>
        )}
      </Card>

      {(next || canReportDelay(booking.status)) && (
        <div className="flex flex-col gap-2" data-testid="status-actions">
          {next === "on_the_way" && (
            <label className="flex items-center justify-between gap-3 text-sm text-sand-700">
              {m.etaLabel}
              <input
                type="number"
                inputMode="numeric"
                min={1}
                max={180}
                value={eta}
                onChange={(e) => setEta(e.target.value)}
                className="h-10 w-24 rounded-xl border border-sand-300 bg-white px-3 text-right"
                data-testid="eta-input"
              />
            </label>
          )}
          {next && (
            <Button
              size="lg"
              fullWidth
              disabled={busy}
              data-testid={`action-${next}`}
              onClick={() =>
                send(next === "on_the_way" ? { status: next, etaMinutes: eta ? Number(eta) : null } : { status: next })
              }
            >
              {busy ? m.updating : m.actions[next]}
            </Button>
          )}
          {canReportDelay(booking.status) &&
            (showDelay ? (
              <div className="flex items-end gap-2">
                <label className="flex flex-1 flex-col gap-1 text-sm text-sand-700">
                  {m.delayLabel}
                  <input
                    type="number"
                    inputMode="numeric"
                    min={5}
                    max={180}
                    value={delay}
                    onChange={(e) => setDelay(e.target.value)}
                    className="h-10 rounded-xl border border-sand-300 bg-white px-3"
                    data-testid="delay-input"
                  />
                </label>
                <Button
                  variant="secondary"
                  disabled={busy}
                  data-testid="delay-send"
                  onClick={() => send({ status: "delayed", delayMinutes: Number(delay) })}
                >
                  {m.sendDelay}
                </Button>
              </div>
            ) : (
              <Button variant="secondary" fullWidth onClick={() => setShowDelay(true)} data-testid="action-delayed">
                {m.actions.delayed}
              </Button>
            ))}
        </div>
      )}

      <Card>
        <h2 className="mb-3 text-base font-semibold text-sand-900">{m.chatTitle}</h2>
        {showChat ? (
          <BookingChat
            bookingId={booking.id}
            therapistId={therapistId}
            customerName={booking.customer?.name ?? booking.customerFirstName}
            canWrite={room === "active"}
          />
        ) : (
          <p className="text-sm text-sand-500">{m.chatClosed}</p>
        )}
      </Card>
    </div>
  );
}
