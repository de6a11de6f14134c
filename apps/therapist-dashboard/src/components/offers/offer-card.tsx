"use client";

import { declineReasons } from "@tenang/booking-core/schemas/offer";
import { formatCountdown, secondsUntil } from "@tenang/booking-core/time";
import { Alert } from "@tenang/ui/alert";
import { Badge } from "@tenang/ui/badge";
import { Button } from "@tenang/ui/button";
import { Card } from "@tenang/ui/card";
import { cx } from "@tenang/ui/class-names";
import { useState } from "react";
import { useFormat, useMessages } from "@/i18n/locale-context";
import type { OfferDto } from "@/lib/dto";

export type OfferAnswerState =
  | { kind: "idle" }
  | { kind: "accepting" }
  | { kind: "declining" }
  | { kind: "gone"; message: string }
  | { kind: "error"; message: string };

export interface OfferCardProps {
  offer: OfferDto;
  now: number;
  answer: OfferAnswerState;
  ringing: boolean;
  onAccept: () => void;
  onDecline: (reason: string | null) => void;
  onSilence: () => void;
  onDismiss: () => void;
}

function Row({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="flex items-baseline justify-between gap-3 py-1.5">
      <dt className="text-sm text-sand-600">{label}</dt>
      <dd className="text-right text-sm font-medium text-sand-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

export function OfferCard({ offer, now, answer, ringing, onAccept, onDecline, onSilence, onDismiss }: OfferCardProps) {
  const m = useMessages().offers;
  const { areaLabel, money, serviceLabel, when } = useFormat();
  const [choosingReason, setChoosingReason] = useState(false);
  const [reason, setReason] = useState<string | null>(null);
  const seconds = secondsUntil(offer.expiresAt, now);
  const busy = answer.kind === "accepting" || answer.kind === "declining";
  const gone = answer.kind === "gone";
  const expired = seconds <= 0 && !gone;
  const scheduled = offer.kind === "scheduled";
  // Short windows (immediate offers) read best as a running clock; long ones (scheduled requests) as a deadline.
  const urgent = seconds <= 10;
  const area = areaLabel(offer.area);

  return (
    <Card
      as="article"
      className={cx("relative overflow-hidden border-2", gone ? "border-sand-300" : "border-tenang-500")}
      data-testid="offer-card"
      data-offer-id={offer.id}
      data-booking-id={offer.bookingId}
      data-state={gone ? "gone" : expired ? "expired" : answer.kind}
      aria-live="assertive"
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <p className="text-xs font-semibold tracking-wide text-tenang-700 uppercase">
            {scheduled ? m.titleScheduled : m.title}
          </p>
          <h2 className="mt-0.5 text-lg font-semibold text-sand-900" data-testid="offer-service">
            {serviceLabel(offer.massageType, offer.duration)}
          </h2>
        </div>
        <div className="text-right" aria-label={m.respondWithin}>
          <p
            className={cx("font-mono text-2xl font-semibold tabular-nums", urgent ? "text-rose-600" : "text-sand-900")}
            data-testid="offer-countdown"
          >
            {formatCountdown(seconds)}
          </p>
          <p className="text-[11px] text-sand-500">{m.respondWithin}</p>
        </div>
      </div>

      <div className="mt-3 rounded-xl bg-tenang-50 px-3 py-2">
        <p className="text-xs text-tenang-800">{m.payout}</p>
        <p className="text-2xl font-semibold tracking-tight text-tenang-800 tabular-nums" data-testid="offer-payout">
          {money(offer.payout)}
        </p>
      </div>

      <dl className="mt-2 divide-y divide-sand-100">
        <Row label={m.price} testId="offer-price">
          {money(offer.amount)}
        </Row>
        <Row label={m.commission("30 %")}>−{money(offer.commission)}</Row>
        <Row label={m.when}>{offer.scheduledFor ? when(offer.scheduledFor) : m.now}</Row>
        <Row label={m.area} testId="offer-area">
          {area}
          {offer.distanceKm !== null && (
            <>
              {" "}
              <span className="text-sand-500">({m.distance(offer.distanceKm.toFixed(1))})</span>
            </>
          )}
        </Row>
        <Row label={m.customer} testId="offer-customer">
          {offer.customerFirstName}
        </Row>
      </dl>

      {scheduled && <p className="mt-2 text-xs text-sand-600">{m.respondBy(when(offer.expiresAt))}</p>}

      {gone ? (
        <div className="mt-4 flex flex-col gap-3">
          <Alert tone="error" title={m.noLongerAvailable} data-testid="offer-gone">
            {answer.message}
          </Alert>
          <Button variant="secondary" onClick={onDismiss} fullWidth>
            {m.dismiss}
          </Button>
        </div>
      ) : expired ? (
        <div className="mt-4">
          <Badge tone="neutral">{m.expired}</Badge>
        </div>
      ) : choosingReason ? (
        <fieldset className="mt-4 flex flex-col gap-3" disabled={busy}>
          <legend className="mb-2 text-sm font-medium text-sand-800">{m.declineTitle}</legend>
          <div className="flex flex-wrap gap-2">
            {declineReasons.map((r) => (
              <label
                key={r}
                className={cx(
                  "inline-flex h-9 cursor-pointer items-center rounded-full border px-3 text-sm",
                  reason === r
                    ? "border-tenang-600 bg-tenang-600 text-white"
                    : "border-sand-300 bg-white text-sand-800",
                )}
              >
                <input
                  type="radio"
                  name={`decline-${offer.id}`}
                  value={r}
                  className="sr-only"
                  checked={reason === r}
                  onChange={() => setReason(r)}
                />
                {m.declineReasons[r] ?? r}
              </label>
            ))}
          </div>
          <div className="grid grid-cols-2 gap-2">
            <Button variant="secondary" onClick={() => setChoosingReason(false)}>
              {m.cancel}
            </Button>
            <Button onClick={() => onDecline(reason)} data-testid="offer-decline-confirm">
              {answer.kind === "declining" ? m.declining : m.declineConfirm}
            </Button>
          </div>
        </fieldset>
      ) : (
        <div className="mt-4 flex flex-col gap-2">
          {answer.kind === "error" && <Alert tone="error">{answer.message}</Alert>}
          <div className="grid grid-cols-2 gap-2">
            <Button
              variant="secondary"
              size="lg"
              disabled={busy}
              onClick={() => {
                onSilence();
                setChoosingReason(true);
              }}
              data-testid="offer-decline"
            >
              {m.decline}
            </Button>
            <Button size="lg" disabled={busy} onClick={onAccept} data-testid="offer-accept">
              {answer.kind === "accepting" ? m.accepting : m.accept}
            </Button>
          </div>
          {ringing && (
            <Button variant="ghost" onClick={onSilence} data-testid="offer-silence">
              {m.silence}
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}
