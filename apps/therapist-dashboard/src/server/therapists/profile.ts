import "server-only";
import type { Locale } from "@tenang/booking-core/locale";
import type { Therapist, TherapistProfileInput } from "@tenang/booking-core/schemas/therapist";
import { requireTherapistSnapshot } from "@tenang/booking-server/therapists/therapist-repository";
import type { Upload } from "@tenang/booking-server/files/upload";
import { replaceTherapistPhoto } from "@tenang/booking-server/therapists/replace-therapist-photo";
import { updateTherapistProfile } from "@tenang/booking-server/therapists/update-therapist-profile";
import type { ProfileDto } from "@/lib/dto";
import { bookingContext } from "@/server/booking/booking-context";
import { photoUrl } from "@/server/photos/photo-url";

export function toProfileDto(therapist: Therapist): ProfileDto {
  return {
    name: therapist.name,
    gender: therapist.gender,
    bio: therapist.bio,
    photoUrl: photoUrl(therapist.photoFileId),
    languages: therapist.languages,
    massageTypes: therapist.massageTypes,
    area: therapist.area,
    lat: therapist.lat,
    lng: therapist.lng,
    serviceRadiusKm: therapist.serviceRadiusKm,
    price60: therapist.price60,
    price90: therapist.price90,
    price120: therapist.price120,
    whatsapp: therapist.whatsapp,
    workingHours: therapist.workingHours,
    rating: therapist.rating,
    ratingCount: therapist.ratingCount,
  };
}

/**
 * Saves the profile form and answers with the profile as stored; `locale` words a refusal of a field (a WhatsApp
 * number another therapist uses) for the form.
 */
export async function saveProfile(
  therapistId: string,
  input: TherapistProfileInput,
  locale: Locale,
): Promise<ProfileDto> {
  const ctx = bookingContext();
  await updateTherapistProfile(ctx, { therapistId, input, locale });
  const { therapist } = await requireTherapistSnapshot(ctx, therapistId);
  return toProfileDto(therapist);
}

/** Replaces the profile photo and answers with the profile as stored. */
export async function replaceProfilePhoto(therapist: Therapist, upload: Upload): Promise<ProfileDto> {
  return toProfileDto(await replaceTherapistPhoto(bookingContext(), { therapist, upload }));
}
