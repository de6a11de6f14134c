"use client";

import { useEffect, useState } from "react";
import { serverNow } from "@tenang/chat-client/server-clock";

/**
 * The server's current time for countdowns, re-rendering every `intervalMs`. Read at render (not stored at the last
 * tick), so a card that appears between ticks starts from the true time left.
 */
export function useNow(intervalMs = 1_000): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return serverNow();
}
