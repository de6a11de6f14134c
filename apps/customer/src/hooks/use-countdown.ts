"use client";

import { secondsUntil } from "@tenang/booking-core/time";
import { useEffect, useState } from "react";
import { serverNow } from "@tenang/chat-client/server-clock";
import { useServerClockOffset } from "@tenang/chat-client/react";

/**
 * Whole seconds left until `deadline` (server time), ticking once a second; null without a deadline. The interval
 * stops at zero and whenever the deadline goes away or the component unmounts, so nothing keeps running.
 */
export function useCountdown(deadline: string | null): number | null {
  const offset = useServerClockOffset();
  const [seconds, setSeconds] = useState<number | null>(() => (deadline ? secondsUntil(deadline, serverNow()) : null));

  useEffect(() => {
    if (!deadline) {
      setSeconds(null);
      return;
    }
    const tick = () => {
      const left = secondsUntil(deadline, serverNow());
      setSeconds(left);
      return left;
    };
    if (tick() === 0) return;
    const timer = setInterval(() => {
      if (tick() === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [deadline, offset]);

  return seconds;
}
