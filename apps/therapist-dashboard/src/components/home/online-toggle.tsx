"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert } from "@tenang/ui/alert";
import { Badge } from "@tenang/ui/badge";
import { Button } from "@tenang/ui/button";
import { Card } from "@tenang/ui/card";
import { useMessages } from "@/i18n/locale-context";
import type { Messages } from "@/i18n/messages";
import { apiFetch } from "@/lib/api-client";
import type { MeDto } from "@/lib/dto";
import { queryKeys } from "@/lib/query-keys";
import { useMe } from "@/hooks/use-me";
import { useWakeLock } from "@/hooks/use-wake-lock";
import { requestPushNotifications } from "@tenang/ui/push-notifications";
import { useAlarm } from "@/components/offers/alarm-context";
import { PushStatus } from "./push-status";

export function statusOf(me: MeDto, m: Messages["home"]) {
  if (me.isRestricted) return { tone: "danger" as const, label: m.restricted, state: "restricted" };
  if (!me.isOnline) return { tone: "neutral" as const, label: m.offline, state: "offline" };
  if (me.isBusy) return { tone: "warning" as const, label: m.busy, state: "busy" };
  return { tone: "success" as const, label: m.online, state: "online" };
}

/**
 * Online/offline switch. Only online, non-busy, non-restricted therapists receive offers. Going online is the moment
 * to ask for notifications (offers must reach a locked phone) and to unlock the alarm; while online the screen is
 * kept on where the browser supports it.
 */
export function OnlineToggle() {
  const m = useMessages().home;
  const queryClient = useQueryClient();
  const alarm = useAlarm();
  const { data: me } = useMe();
  const { held: wakeLockHeld } = useWakeLock(Boolean(me?.isOnline));
  const toggle = useMutation({
    mutationFn: (online: boolean) => apiFetch<MeDto>("/api/me/online", { body: { online } }),
    onSuccess: (next) => queryClient.setQueryData(queryKeys.me, next),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
  if (!me) return null;
  const status = statusOf(me, m);
  const hint = me.isRestricted ? null : !me.isOnline ? m.offlineHint : me.isBusy ? m.busyHint : m.onlineHint;

  return (
    <Card className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-3">
        <span className="shrink-0 text-sm text-sand-600">{m.statusLabel}</span>
        <Badge dot tone={status.tone} data-testid="online-status" data-state={status.state}>
          {status.label}
        </Badge>
      </div>
      {hint && <p className="text-sm text-sand-600">{hint}</p>}
      {toggle.error && <Alert tone="error">{toggle.error.message}</Alert>}
      <Button
        size="lg"
        fullWidth
        variant={me.isOnline ? "secondary" : "primary"}
        disabled={toggle.isPending || (me.isRestricted && !me.isOnline)}
        onClick={() => {
          if (!me.isOnline) {
            // Inside the tap, before anything awaits: browsers prompt only from a gesture.
            void requestPushNotifications();
            void alarm.unlock();
          }
          toggle.mutate(!me.isOnline);
        }}
        data-testid="online-toggle"
      >
        {toggle.isPending ? m.switching : me.isOnline ? m.goOffline : m.goOnline}
      </Button>
      {me.isOnline && <PushStatus wakeLockHeld={wakeLockHeld} />}
    </Card>
  );
}
