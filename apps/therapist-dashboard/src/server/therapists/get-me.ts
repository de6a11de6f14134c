import "server-only";
import { RESTRICTED_FOR_OVERDUE } from "@tenang/booking-core/commission";
import { defaultDispatchConfig } from "@tenang/booking-core/dispatch";
import { userMessageFor } from "@tenang/booking-core/errors";
import type { Locale } from "@tenang/booking-core/locale";
import type { Therapist } from "@tenang/booking-core/schemas/therapist";
import { getTherapistForUser } from "@tenang/booking-server/therapists/therapist-repository";
import { cache } from "react";
import type { AccountUser } from "@tenang/app-server/auth/account-repository";
import type { MeDto } from "@/lib/dto";
import { getRequestLocale } from "@/i18n/request-locale";
import { bookingServer } from "@/server/app-server";
import { photoUrl } from "@/server/photos/photo-url";

/** `locale` words the restriction reason for the reader (the page's or the request's language). */
export function toMeDto(user: Pick<AccountUser, "id" | "email">, therapist: Therapist, locale: Locale): MeDto {
  const restrictedReason = !therapist.isRestricted
    ? null
    : therapist.restrictedReason === RESTRICTED_FOR_OVERDUE
      ? userMessageFor("provider_restricted", locale)
      : therapist.restrictedReason;
  return {
    therapistId: therapist.id,
    userId: user.id,
    name: therapist.name,
    email: user.email,
    photoUrl: photoUrl(therapist.photoFileId),
    isOnline: therapist.isOnline,
    isBusy: therapist.isBusy,
    isRestricted: therapist.isRestricted,
    restrictedReason,
    restrictedCode: therapist.isRestricted ? therapist.restrictedReason : null,
    offlineAfterMissedOffers:
      !therapist.isOnline && therapist.missedOffersInRow >= defaultDispatchConfig.maxMissedOffersInRow,
    missedOffersInRow: therapist.missedOffersInRow,
    rating: therapist.rating,
    ratingCount: therapist.ratingCount,
  };
}

/** The signed-in therapist's own state for the dashboard; null when their account is not linked to a therapist. */
export const getMe = cache(async (user: AccountUser): Promise<MeDto | null> => {
  const therapist = await getTherapistForUser(bookingServer(), user.id);
  return therapist ? toMeDto(user, therapist, await getRequestLocale()) : null;
});
