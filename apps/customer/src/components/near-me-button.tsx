"use client";

import { chipClassName } from "@tenang/ui/chip";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { PinIcon } from "@/components/icons";
import { useGeolocation } from "@/hooks/use-geolocation";
import type { Locale } from "@tenang/booking-core/locale";
import { getMessages } from "@/i18n/messages";
import { hrefWith } from "@/lib/query-href";

/**
 * "Near me": asks the browser for the position and lists providers nearest first (`/?lat=…&lng=…`). With a point
 * already chosen it shows "Near you ✕", which removes it.
 */
export function NearMeButton({
  query,
  locale,
}: {
  query: Readonly<Record<string, string | undefined>>;
  /** Not the messages object: it holds functions, which cannot cross into a client component. */
  locale: Locale;
}) {
  const m = getMessages(locale);
  const router = useRouter();
  const { state, locate } = useGeolocation();
  // One navigation per position found. Re-pushing whenever `query` changed raced the filters: a render with the
  // query from before a filter click pushed the old URL back over the filter's (seen as an intermittent e2e failure).
  const pushedFor = useRef<typeof state | null>(null);
  useEffect(() => {
    if (state.status === "located" && pushedFor.current !== state) {
      pushedFor.current = state;
      router.push(hrefWith(query, { lat: String(state.lat), lng: String(state.lng), area: undefined }), {
        scroll: false,
      });
    }
  }, [state, query, router]);

  if (query.lat && query.lng) {
    return (
      <Link
        href={hrefWith(query, { lat: undefined, lng: undefined })}
        scroll={false}
        className={chipClassName({ selected: true })}
        aria-label={`${m.filters.nearMeActive} – ${m.filters.clear}`}
      >
        <PinIcon className="mr-1" /> {m.filters.nearMeActive}{" "}
        <span aria-hidden="true" className="ml-1.5">
          ✕
        </span>
      </Link>
    );
  }
  return (
    <div className="flex flex-col gap-1">
      <button type="button" onClick={locate} disabled={state.status === "locating"} className={chipClassName()}>
        <PinIcon className="mr-1" />
        {state.status === "locating" ? m.filters.locating : m.filters.nearMe}
      </button>
      {state.status === "denied" && (
        <p role="status" className="text-xs text-amber-800">
          {m.filters.locationDenied}
        </p>
      )}
    </div>
  );
}
