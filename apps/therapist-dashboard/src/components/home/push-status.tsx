"use client";
// What can reach this therapist while online, in words (issue 11 §2): whether notifications are on (and a button to
// turn them on), whether the offer alarm can ring, and whether the screen is kept on.
import { Button } from "@tenang/ui/button";
import { requestPushNotifications, usePushState } from "@tenang/ui/push-notifications";
import { useAlarm, useAlarmState } from "@/components/offers/alarm-context";
import { useMessages } from "@/i18n/locale-context";

export function PushStatus({ wakeLockHeld }: { wakeLockHeld: boolean }) {
  const messages = useMessages();
  const m = messages.push;
  const alarm = useAlarm();
  const alarmState = useAlarmState();
  const { state, refresh } = usePushState();
  const pushText =
    state === "subscribed" ? m.on : state === "denied" ? m.denied : state === "unsupported" ? m.unsupported : m.off;
  const alarmText =
    alarmState === "blocked"
      ? messages.sound.blockedNotice
      : alarmState === "locked"
        ? messages.sound.lockedNotice
        : null;
  return (
    <div className="flex flex-col gap-2 text-sm text-sand-600" data-testid="push-status" data-state={state}>
      {alarmText && (
        <p className="font-medium text-rose-800" role="status" data-testid="alarm-notice" data-state={alarmState}>
          {alarmText}
        </p>
      )}
      <p>{pushText}</p>
      {(state === "default" || state === "granted") && (
        <Button
          variant="secondary"
          size="md"
          onClick={() => {
            void alarm.unlock();
            void requestPushNotifications().then(refresh);
          }}
          data-testid="enable-push"
        >
          {m.enable}
        </Button>
      )}
      {wakeLockHeld && <p data-testid="wake-lock">{m.wakeLock}</p>}
    </div>
  );
}
