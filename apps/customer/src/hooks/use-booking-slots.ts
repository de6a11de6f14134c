"use client";

// The dates and times a scheduled booking may pick: the next 31 days, and the slots of the chosen day that fit the
// provider's hours (any time for "the best available therapist"), on the server's clock. Until the clock is known
// (after mount: it differs between the server render and the browser) there are none.
import { availableSlots } from "@tenang/booking-core/schedule";
import type { WorkingHours } from "@tenang/booking-core/schemas/common";
import { DAY_MS, formatDateTime, localDate } from "@tenang/booking-core/time";
import { serverNow } from "@tenang/chat-client/server-clock";
import { useEffect, useMemo, useState, type Dispatch, type SetStateAction } from "react";
import type { Messages } from "@/i18n/messages";
import type { DraftFields } from "./use-booking-draft";

export function useBookingSlots(args: {
  scheduled: boolean;
  fields: DraftFields;
  setFields: Dispatch<SetStateAction<DraftFields>>;
  hours: WorkingHours | null;
  locale: Messages["locale"];
}) {
  const { scheduled, fields, setFields, hours, locale } = args;
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => setNow(serverNow()), []);

  const dateOptions = useMemo(() => {
    if (now === null) return [];
    return Array.from({ length: 31 }, (_, i) => {
      const date = localDate(now + i * DAY_MS);
      // "Mon, 23 Nov": the year only makes the picker wider.
      const label = formatDateTime(now + i * DAY_MS, { locale, style: "date" }).replace(/ \d{4}$/, "");
      return { value: date, label };
    });
  }, [now, locale]);

  const slotOptions = useMemo(() => {
    if (now === null || !fields.date) return [];
    return availableSlots({
      date: fields.date,
      duration: fields.duration,
      now,
      hours,
    }).map((iso) => ({ value: iso, label: formatDateTime(iso, { locale, style: "time" }) }));
  }, [now, fields.date, fields.duration, hours, locale]);

  // A date with slots left, once the clock is known.
  useEffect(() => {
    if (!scheduled || now === null || fields.date) return;
    for (const option of dateOptions) {
      const slots = availableSlots({ date: option.value, duration: fields.duration, now, hours });
      if (slots.length > 0) {
        setFields((f) => ({ ...f, date: option.value }));
        return;
      }
    }
  }, [scheduled, now, fields.date, fields.duration, dateOptions, hours, setFields]);

  return { now, dateOptions, slotOptions };
}
