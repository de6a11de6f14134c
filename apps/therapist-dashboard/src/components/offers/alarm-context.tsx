"use client";

import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { requestPushNotifications } from "@tenang/ui/push-notifications";
import { OfferAlarm, type AlarmState } from "@/lib/offer-alarm";

const AlarmContext = createContext<OfferAlarm | null>(null);

/**
 * One alarm per tab. On load it resumes by itself where this device unlocked it before and the browser allows it;
 * otherwise the first tap anywhere unlocks it. Notification permission is asked on Go online (online-toggle.tsx),
 * not on whatever the first tap happens to be.
 */
export function AlarmProvider({ children }: { children: ReactNode }) {
  const [alarm] = useState(() => new OfferAlarm());
  useEffect(() => {
    void alarm.resumeIfRemembered();
    const unlock = () => {
      void alarm.unlock().then((ok) => {
        if (ok) {
          window.removeEventListener("pointerdown", unlock, true);
          window.removeEventListener("keydown", unlock, true);
        }
      });
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

/** From a tap on the sound badge: the same permission + push subscription as Go online. */
export function requestNotificationPermission(): void {
  if (typeof Notification === "undefined" || Notification.permission !== "default") return;
  void requestPushNotifications();
}
