"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type GeolocationState =
  { status: "idle" } | { status: "locating" } | { status: "located"; lat: number; lng: number } | { status: "denied" };

/** Asks the browser for the device's position on demand; gives up after 10 s so the wait has an end. */
export function useGeolocation(): { state: GeolocationState; locate: () => void } {
  const [state, setState] = useState<GeolocationState>({ status: "idle" });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const locate = useCallback(() => {
    if (!("geolocation" in navigator)) {
      setState({ status: "denied" });
      return;
    }
    setState({ status: "locating" });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        if (!mounted.current) return;
        const round = (n: number) => Math.round(n * 1e5) / 1e5;
        setState({ status: "located", lat: round(position.coords.latitude), lng: round(position.coords.longitude) });
      },
      () => mounted.current && setState({ status: "denied" }),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 5 * 60_000 },
    );
  }, []);

  return { state, locate };
}
