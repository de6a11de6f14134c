"use client";

import { useEffect, useState } from "react";

/** Announces a countdown to screen readers now and then (every `every` s, and at 10 s), never every second. */
export function useCoarseAnnouncement(seconds: number | null, every: number): number | null {
  const [announced, setAnnounced] = useState<number | null>(seconds);
  useEffect(() => {
    if (seconds === null) {
      setAnnounced(null);
      return;
    }
    if (seconds === 10 || seconds % every === 0) setAnnounced(seconds);
  }, [seconds, every]);
  return announced;
}
