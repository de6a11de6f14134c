"use client";

import { mapsUrl } from "@tenang/booking-core/maps-url";
import { areaCentres } from "@tenang/booking-core/schemas/location";
import { therapistProfileInputSchema } from "@tenang/booking-core/schemas/therapist";
import { ServiceAreaMap, type ServiceArea } from "@tenang/ui/service-area-map";
import { useState } from "react";
import { useMessages } from "@/i18n/locale-context";
import type { ProfileDto } from "@/lib/dto";
import { labelFor } from "@/lib/format";

// The profile schema's radius range, read from the schema itself so the slider can't offer what the route refuses.
const radiusSchema = therapistProfileInputSchema.shape.serviceRadiusKm;
const RADIUS_RANGE = { min: radiusSchema.minValue ?? 1, max: radiusSchema.maxValue ?? 50, step: 1 };

/** Pin + radius on the map; submitted with the profile form as lat, lng and serviceRadiusKm. */
export function ServiceAreaField({ profile, issue }: { profile: ProfileDto; issue: string | undefined }) {
  const messages = useMessages();
  const m = messages.profile;
  const [area, setArea] = useState<ServiceArea>({
    lat: profile.lat,
    lng: profile.lng,
    radiusKm: Math.min(RADIUS_RANGE.max, Math.max(RADIUS_RANGE.min, profile.serviceRadiusKm)),
  });
  const places = Object.entries(areaCentres).map(([id, centre]) => ({
    id,
    label: labelFor(messages.labels.areas, id),
    ...centre,
  }));
  return (
    <div className="flex flex-col gap-2" data-testid="service-area">
      <ServiceAreaMap
        value={area}
        onChange={setArea}
        places={places}
        radiusRange={RADIUS_RANGE}
        names={{ lat: "lat", lng: "lng", radiusKm: "serviceRadiusKm" }}
        texts={{
          mapLabel: m.mapLabel,
          hint: m.pinHint,
          radiusLabel: m.radius,
          radiusValue: m.radiusValue,
          pinValue: m.mapPin,
          sea: m.mapSea,
        }}
      />
      <p className="text-xs text-sand-500">
        {m.radiusRange(RADIUS_RANGE.min, RADIUS_RANGE.max)} ·{" "}
        <a href={mapsUrl(area.lat, area.lng)} target="_blank" rel="noreferrer" className="text-tenang-700 underline">
          {messages.booking.openMap}
        </a>
      </p>
      {issue && <p className="text-sm text-rose-700">{issue}</p>}
    </div>
  );
}
