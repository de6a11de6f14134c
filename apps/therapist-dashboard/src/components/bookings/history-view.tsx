"use client";

import { Badge } from "@tenang/ui/badge";
import { Card } from "@tenang/ui/card";
import { cx } from "@tenang/ui/class-names";
import { EmptyState } from "@tenang/ui/empty-state";
import { Rating } from "@tenang/ui/rating";
import Link from "next/link";
import { useState } from "react";
import { useFormat, useMessages } from "@/i18n/locale-context";
import type { BookingDto } from "@/lib/dto";
import {
  ALL_HISTORY,
  filterHistory,
  historyPeriods,
  historyStatusFilters,
  type HistoryFilter,
} from "@/lib/history-filter";
import { serverNow } from "@tenang/chat-client/server-clock";
import { useMe } from "@/hooks/use-me";
import { useBookings } from "./booking-list";
import { statusTone } from "./booking-status";
import { MoneyFigure } from "@/components/money-figure";

/** A row of mutually exclusive chips (a radio group that looks like the rest of the dashboard's choices). */
function ChipGroup<T extends string>({
  label,
  options,
  value,
  labelOf,
  onChange,
  testId,
}: {
  label: string;
  options: readonly T[];
  value: T;
  labelOf: (option: T) => string;
  onChange: (option: T) => void;
  testId: string;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <span className="text-xs font-medium text-sand-600" id={`${testId}-label`}>
        {label}
      </span>
      <div className="flex flex-wrap gap-2" role="radiogroup" aria-labelledby={`${testId}-label`} data-testid={testId}>
        {options.map((option) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={value === option}
            onClick={() => onChange(option)}
            data-value={option}
            className={cx(
              "h-9 rounded-full px-4 text-sm",
              value === option
                ? "bg-tenang-600 font-medium text-white"
                : "border border-sand-300 bg-white text-sand-700 hover:bg-sand-100",
            )}
          >
            {labelOf(option)}
          </button>
        ))}
      </div>
    </div>
  );
}

/** 1–5 whole stars, read out as "4 out of 5 stars". */
function Stars({ stars, label }: { stars: number; label: string }) {
  return (
    <span className="inline-flex items-center gap-0.5" role="img" aria-label={label} data-stars={stars}>
      {[1, 2, 3, 4, 5].map((n) => (
        <svg
          key={n}
          aria-hidden="true"
          viewBox="0 0 20 20"
          className={cx("size-4", n <= stars ? "fill-gold-400" : "fill-sand-200")}
        >
          <path d="M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9z" />
        </svg>
      ))}
    </span>
  );
}

function HistoryRow({ booking }: { booking: BookingDto }) {
  const messages = useMessages();
  const m = messages.history;
  const { money, serviceLabel, when } = useFormat();
  // Only a completed session earns anything: a cancelled or expired booking's commission is void.
  const earned = booking.status === "completed";
  const { rating } = booking;
  return (
    <Card
      as="li"
      padded={false}
      data-testid="history-row"
      data-booking-id={booking.id}
      data-status={booking.status}
      data-rated={rating ? rating.stars : undefined}
    >
      <Link href={`/bookings/${encodeURIComponent(booking.id)}`} className="flex flex-col gap-2 p-4">
        <div className="flex items-center justify-between gap-3">
          <span className="font-semibold text-sand-900">{serviceLabel(booking.massageType, booking.duration)}</span>
          <Badge dot tone={statusTone(booking.status)}>
            {messages.booking.status[booking.status]}
          </Badge>
        </div>
        <p className="text-sm text-sand-600">
          {booking.customer?.name ?? booking.customerFirstName} ·{" "}
          {when(booking.completedAt ?? booking.scheduledFor ?? booking.createdAt)}
        </p>
        <dl className="grid grid-cols-3 gap-2 rounded-xl bg-sand-50 px-3 py-2">
          <MoneyFigure label={m.amount}>{money(booking.amount)}</MoneyFigure>
          <MoneyFigure label={m.commission}>{earned ? `−${money(booking.commission)}` : "—"}</MoneyFigure>
          <MoneyFigure label={m.payout} strong={earned}>
            {earned ? money(booking.payout) : "—"}
          </MoneyFigure>
        </dl>
        {earned &&
          (rating ? (
            <div className="flex flex-col gap-1" data-testid="history-rating">
              <div className="flex items-center gap-2 text-xs text-sand-500">
                {m.customerRating} <Stars stars={rating.stars} label={m.stars(rating.stars)} />
              </div>
              {rating.comment && <p className="text-sm text-sand-800 italic">“{rating.comment}”</p>}
            </div>
          ) : (
            <p className="text-xs text-sand-500">{m.notRated}</p>
          ))}
      </Link>
    </Card>
  );
}

/** Finished bookings, filtered by outcome and by period (WITA), with money per booking and the customers' ratings. */
export function HistoryView() {
  const messages = useMessages();
  const m = messages.history;
  const history = useBookings("history");
  const { data: me } = useMe();
  const [filter, setFilter] = useState<HistoryFilter>(ALL_HISTORY);
  const change = (next: Partial<HistoryFilter>) => setFilter((prev) => ({ ...prev, ...next }));
  // The server's clock (learned from the list response) decides where "this week" starts, not the phone's.
  const all = history.data ?? [];
  const shown = filterHistory(all, filter, serverNow());
  return (
    <div className="flex flex-col gap-4" data-testid="history">
      <div className="flex items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-sand-900">{m.title}</h1>
        {me && (
          <span
            className="flex items-center gap-2 text-sm text-sand-600"
            data-testid="history-average"
            data-rating={me.rating}
            data-count={me.ratingCount}
          >
            {m.rating}{" "}
            <Rating value={me.rating} count={me.ratingCount} newLabel={m.noRatings} describe={m.ratingDescribe} />
          </span>
        )}
      </div>
      <Card className="flex flex-col gap-4">
        <ChipGroup
          label={m.statusFilter}
          options={historyStatusFilters}
          value={filter.status}
          labelOf={(status) => m[status]}
          onChange={(status) => change({ status })}
          testId="history-status"
        />
        <ChipGroup
          label={m.periodFilter}
          options={historyPeriods}
          value={filter.period}
          labelOf={(period) => m.periods[period]}
          onChange={(period) => change({ period })}
          testId="history-period"
        />
        {filter.period === "range" && (
          <div className="grid grid-cols-2 gap-3">
            <label className="flex flex-col gap-1 text-sm text-sand-700">
              {m.from}
              <input
                type="date"
                value={filter.from}
                onChange={(e) => change({ from: e.target.value })}
                className="h-10 rounded-xl border border-sand-300 bg-white px-3"
                data-testid="history-from"
              />
            </label>
            <label className="flex flex-col gap-1 text-sm text-sand-700">
              {m.to}
              <input
                type="date"
                value={filter.to}
                onChange={(e) => change({ to: e.target.value })}
                className="h-10 rounded-xl border border-sand-300 bg-white px-3"
                data-testid="history-to"
              />
            </label>
          </div>
        )}
      </Card>
      {history.isPending && <p className="text-sm text-sand-500">{messages.common.loading}</p>}
      {history.isError && <p className="text-sm text-rose-700">{history.error.message}</p>}
      {history.isSuccess &&
        (shown.length === 0 ? (
          <EmptyState title={all.length === 0 ? m.empty : m.emptyFiltered} />
        ) : (
          <>
            <p className="text-sm text-sand-600" data-testid="history-count">
              {m.count(shown.length)}
            </p>
            <ul className="flex flex-col gap-3" data-testid="history-list">
              {shown.map((booking) => (
                <HistoryRow key={booking.id} booking={booking} />
              ))}
            </ul>
          </>
        ))}
    </div>
  );
}
