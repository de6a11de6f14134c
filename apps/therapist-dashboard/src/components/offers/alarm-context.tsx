"use client";

import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { OfferAlarm, type AlarmState } from "@/lib/offer-alarm";

const AlarmContext = createContext<OfferAlarm | null>(null);

/**
 * One alarm per tab. Browsers allow sound only after a tap, so the first tap anywhere unlocks it (and asks for
 * notification permission, which also needs a gesture on some browsers).
 */
export function AlarmProvider({ children }: { children: ReactNode }) {
  const [alarm] = useState(() => new OfferAlarm());
  useEffect(() => {
    const unlock = () => {
      void alarm.unlock().then((ok) => {
        if (ok) {
          window.removeEventListener("pointerdown", unlock, true);
          window.removeEventListener("keydown", unlock, true);
        }
      });
      requestNotificationPermission();
    };
    window.addEventListener("pointerdown", unlock, true);
    window.addEventListener("keydown", unlock, true);
    return () => {
      window.removeEventListener("pointerdown", unlock, true);
      window.removeEventListener("keydown", unlock, true);
      alarm.stop();
    };
  }, [alarm]);
  return <AlarmContext.Provider value={alarm}>{children}</AlarmContext.Provider>;
}

export function useAlarm(): OfferAlarm {
  const alarm = useContext(AlarmContext);
  if (!alarm) throw new Error("useAlarm outside AlarmProvider");
  return alarm;
}

const serverState = (): AlarmState => "locked";

export function useAlarmState(): AlarmState {
  const alarm = useAlarm();
  return useSyncExternalStore(alarm.subscribe, alarm.getState, serverState);
}

export function requestNotificationPermission(): void {
  if (typeof Notification === "undefined" || Notification.permission !== "default") return;
  void Notification.requestPermission().catch(() => undefined);
}
