"use client";

import { secondsUntil } from "@tenang/booking-core/time";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useFormat, useMessages, type Format } from "@/i18n/locale-context";
import type { Messages } from "@/i18n/messages";
import { isApiError } from "@tenang/chat-client/api-client";
import { apiFetch } from "@/lib/api-client";
import type { OfferDto, OffersResponse } from "@/lib/dto";
import { queryKeys } from "@/lib/query-keys";
import { useNow } from "@/hooks/use-now";
import { useAlarm, useAlarmState } from "./alarm-context";
import { OfferCard, type OfferAnswerState } from "./offer-card";

/** Realtime is the fast path; this poll is the safety net for a silently dropped socket. */
const OFFERS_POLL_MS = 4_000;

// "The offer is gone" in every form the server can say it: taken by the customer's cancel, expired, reassigned.
const GONE_CODES = new Set(["no_longer_available", "invalid_transition", "version_conflict", "not_found"]);

export async function fetchOffers(): Promise<OffersResponse> {
  // apiFetch sets the server clock from the answer's serverTime.
  return apiFetch<OffersResponse>("/api/offers");
}

function notify(offer: OfferDto, messages: Messages, format: Format): void {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  const m = messages.offers;
  try {
    const notification = new Notification(m.notificationTitle, {
      body: m.notificationBody(format.serviceLabel(offer.massageType, offer.duration), format.money(offer.payout)),
      tag: offer.id,
      requireInteraction: true,
    });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  } catch {
    // Some mobile browsers only allow notifications from a service worker; the sound still rings.
  }
}

/**
 * The offers waiting for this therapist, at the top of every dashboard page: ring until acknowledged, count down,
 * accept or decline. An answer that lost a race shows "no longer available" and changes nothing.
 */
export function IncomingOffers() {
  const messages = useMessages();
  const format = useFormat();
  const queryClient = useQueryClient();
  const router = useRouter();
  const alarm = useAlarm();
  const alarmState = useAlarmState();
  const now = useNow(500);
  const { data } = useQuery({ queryKey: queryKeys.offers, queryFn: fetchOffers, refetchInterval: OFFERS_POLL_MS });
  const [answers, setAnswers] = useState<Record<string, OfferAnswerState>>({});
  // Offers whose card stays on screen after the server dropped them (a lost race), until dismissed.
  const [kept, setKept] = useState<Record<string, OfferDto>>({});
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<string>>(new Set());
  const notified = useRef(new Set<string>());

  const live = (data?.offers ?? []).filter((offer) => secondsUntil(offer.expiresAt, now) > 0 || answers[offer.id]);
  const shown = [...live, ...Object.values(kept).filter((k) => !live.some((o) => o.id === k.id))];
  const unanswered = live.filter((o) => !acknowledged.has(o.id) && (answers[o.id]?.kind ?? "idle") === "idle");
  const ringing = unanswered.length > 0;

  useEffect(() => {
    if (ringing) alarm.start();
    else alarm.stop();
  }, [alarm, ringing]);

  useEffect(() => {
    for (const offer of live) {
      if (notified.current.has(offer.id)) continue;
      notified.current.add(offer.id);
      if (document.visibilityState === "hidden") notify(offer, messages, format);
    }
  });

  const setAnswer = (id: string, answer: OfferAnswerState) => setAnswers((prev) => ({ ...prev, [id]: answer }));
  const acknowledge = (id: string) => setAcknowledged((prev) => new Set(prev).add(id));

  const onLostRace = (offer: OfferDto, message: string) => {
    setKept((prev) => ({ ...prev, [offer.id]: offer }));
    setAnswer(offer.id, { kind: "gone", message });
  };

  const accept = useMutation({
    mutationFn: (offer: OfferDto) =>
      apiFetch<{ outcome: "accepted" }>(`/api/offers/${encodeURIComponent(offer.id)}/accept`, { body: {} }),
    onMutate: (offer) => {
      acknowledge(offer.id);
      setAnswer(offer.id, { kind: "accepting" });
    },
    onSuccess: (_result, offer) => {
      router.push(`/bookings/${encodeURIComponent(offer.bookingId)}`);
    },
    onError: (error, offer) => {
      const m = messages.offers;
      if (isApiError(error) && GONE_CODES.has(error.code)) onLostRace(offer, m.noLongerAvailableBody);
      else if (isApiError(error, "overlapping_booking")) setAnswer(offer.id, { kind: "error", message: m.overlapping });
      else if (isApiError(error, "provider_restricted")) setAnswer(offer.id, { kind: "error", message: m.restricted });
      else setAnswer(offer.id, { kind: "error", message: error.message });
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.offers });
      void queryClient.invalidateQueries({ queryKey: queryKeys.bookings });
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });

  const decline = useMutation({
    mutationFn: ({ offer, reason }: { offer: OfferDto; reason: string | null }) =>
      apiFetch<{ outcome: "declined" }>(`/api/offers/${encodeURIComponent(offer.id)}/decline`, {
        body: { declineReason: reason },
      }),
    onMutate: ({ offer }) => {
      acknowledge(offer.id);
      setAnswer(offer.id, { kind: "declining" });
    },
    onSuccess: (_result, { offer }) => {
      // Take the card away at once; the refetch confirms it.
      queryClient.setQueryData<OffersResponse>(queryKeys.offers, (prev) =>
        prev ? { ...prev, offers: prev.offers.filter((o) => o.id !== offer.id) } : prev,
      );
    },
    onError: (error, { offer }) => {
      if (isApiError(error) && GONE_CODES.has(error.code)) {
        onLostRace(offer, messages.offers.noLongerAvailableBody);
      } else {
        setAnswer(offer.id, { kind: "error", message: error.message });
      }
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.offers }),
  });

  if (shown.length === 0) return null;

  return (
    <section
      className="flex flex-col gap-3"
      aria-label={messages.offers.title}
      data-testid="incoming-offers"
      data-alarm={alarmState}
    >
      {shown.map((offer) => (
        <OfferCard
          key={offer.id}
          offer={offer}
          now={now}
          answer={answers[offer.id] ?? { kind: "idle" }}
          ringing={ringing && !acknowledged.has(offer.id)}
          onAccept={() => accept.mutate(offer)}
          onDecline={(reason) => decline.mutate({ offer, reason })}
          onSilence={() => acknowledge(offer.id)}
          onDismiss={() => {
            setKept((prev) => {
              const next = { ...prev };
              delete next[offer.id];
              return next;
            });
            setAnswers((prev) => {
              const next = { ...prev };
              delete next[offer.id];
              return next;
            });
          }}
        />
      ))}
    </section>
  );
}
