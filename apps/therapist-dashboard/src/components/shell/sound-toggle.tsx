"use client";

import { Badge } from "@tenang/ui/badge";
import { useMessages } from "@/i18n/locale-context";
import { requestNotificationPermission, useAlarm, useAlarmState } from "@/components/offers/alarm-context";

function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-3.5 fill-none stroke-current" strokeWidth="2">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinejoin="round" />
      <path d="M10.3 21a1.9 1.9 0 0 0 3.4 0" strokeLinecap="round" />
      {muted && <path d="M3 3l18 18" strokeLinecap="round" />}
    </svg>
  );
}

/** Shows whether offers can ring; a tap turns the sound on (browsers need one before any sound plays). */
export function SoundToggle() {
  const alarm = useAlarm();
  const state = useAlarmState();
  const m = useMessages().sound;
  if (state === "unsupported") {
    return (
      <Badge tone="neutral" data-testid="sound-state" data-state={state}>
        {m.unsupported}
      </Badge>
    );
  }
  const on = state === "ready" || state === "ringing";
  return (
    <button
      type="button"
      onClick={() => {
        void alarm.unlock();
        requestNotificationPermission();
      }}
      className="rounded-full"
      aria-label={on ? m.on : m.enable}
      data-testid="sound-state"
      data-state={state}
    >
      <Badge dot tone={on ? "success" : "danger"}>
        <BellIcon muted={!on} /> {on ? m.on : m.off}
      </Badge>
    </button>
  );
}
