"use client";

import { localDate } from "@tenang/booking-core/time";
import { Card } from "@tenang/ui/card";
import { Rating } from "@tenang/ui/rating";
import { useState } from "react";
import { getMessages } from "@/i18n/messages";
import { useMe } from "@/hooks/use-me";
import { BookingList, useBookings } from "./booking-list";

type StatusFilter = "all" | "completed" | "cancelled" | "expired";
const FILTERS: readonly StatusFilter[] = ["all", "completed", "cancelled", "expired"];

/** Finished bookings, filtered by outcome and by date (WITA), with the therapist's rating. */
export function HistoryView() {
  const m = getMessages().history;
  const history = useBookings("history");
  const { data: me } = useMe();
  const [status, setStatus] = useState<StatusFilter>("all");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const shown = (history.data ?? []).filter((booking) => {
    if (status !== "all" && booking.status !== status) return false;
    const day = localDate(booking.completedAt ?? booking.scheduledFor ?? booking.createdAt);
    return (!from || day >= from) && (!to || day <= to);
  });
  return (
    <div className="flex flex-col gap-4" data-testid="history">
      <div className="flex items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-sand-900">{m.title}</h1>
        {me && (
          <span className="flex items-center gap-2 text-sm text-sand-600">
            {m.rating} <Rating value={me.rating} count={me.ratingCount} />
          </span>
        )}
      </div>
      <Card className="flex flex-col gap-3">
        <div className="flex flex-wrap gap-2" role="radiogroup" aria-label={m.title}>
          {FILTERS.map((f) => (
            <button
              key={f}
              type="button"
              role="radio"
              aria-checked={status === f}
              onClick={() => setStatus(f)}
              className={
                status === f
                  ? "h-9 rounded-full bg-tenang-600 px-4 text-sm font-medium text-white"
                  : "h-9 rounded-full border border-sand-300 bg-white px-4 text-sm text-sand-700"
              }
            >
              {m[f]}
            </button>
          ))}
        </div>
        <div className="grid grid-cols-2 gap-3">
          <label className="flex flex-col gap-1 text-sm text-sand-700">
            {m.from}
            <input
              type="date"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              className="h-10 rounded-xl border border-sand-300 bg-white px-3"
            />
          </label>
          <label className="flex flex-col gap-1 text-sm text-sand-700">
            {m.to}
            <input
              type="date"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              className="h-10 rounded-xl border border-sand-300 bg-white px-3"
            />
          </label>
        </div>
      </Card>
      {history.isSuccess && <BookingList bookings={shown} empty={m.empty} />}
    </div>
  );
}
