"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import type { MeDto } from "@/lib/dto";
import { queryKeys } from "@/lib/query-keys";
import { AlarmProvider } from "@/components/offers/alarm-context";
import { IncomingOffers } from "@/components/offers/incoming-offers";
import { DashboardNav } from "./dashboard-nav";
import { LiveBridge } from "./live-bridge";
import { RestrictionBanner } from "./restriction-banner";
import { SoundToggle } from "./sound-toggle";

/**
 * Everything a signed-in therapist has on every page: live updates, the sound state, the navigation, the
 * restriction banner and incoming offers (so an offer rings whatever page is open).
 */
export function DashboardShell({ me, children }: { me: MeDto; children: ReactNode }) {
  const [queryClient] = useState(() => {
    const client = new QueryClient({
      defaultOptions: {
        queries: { staleTime: 1_000, retry: 1, refetchOnWindowFocus: true },
        mutations: { retry: 0 },
      },
    });
    client.setQueryData(queryKeys.me, me);
    return client;
  });
  return (
    <QueryClientProvider client={queryClient}>
      <AlarmProvider>
        <div className="flex flex-col gap-4" data-testid="dashboard">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <LiveBridge />
            <SoundToggle />
          </div>
          <DashboardNav />
          <RestrictionBanner />
          <IncomingOffers />
          {children}
        </div>
      </AlarmProvider>
    </QueryClientProvider>
  );
}
