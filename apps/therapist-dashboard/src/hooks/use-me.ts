"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { MeDto } from "@/lib/dto";
import { queryKeys } from "@/lib/query-keys";

const ME_POLL_MS = 10_000;

/** The signed-in therapist's live state (online, busy, restricted). Seeded by the server-rendered layout. */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: () => apiFetch<MeDto>("/api/me"),
    refetchInterval: ME_POLL_MS,
  });
}
