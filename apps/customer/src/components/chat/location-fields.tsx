import { areas, type Area } from "@tenang/booking-core/schemas/common";
import { Button } from "@tenang/ui/button";
import { SelectField } from "@tenang/ui/select-field";
import { TextField } from "@tenang/ui/text-field";
import { PinIcon } from "@/components/icons";
import type { BookingDraft } from "@/hooks/use-booking-draft";
import type { Messages } from "@/i18n/messages";
import type { BookingStart } from "@/lib/booking-start";

/** Where the therapist comes to: the device's position or an area, then the address, hotel or villa, and room. */
export function LocationFields({
  start,
  draft,
  messages: m,
}: {
  start: BookingStart;
  draft: BookingDraft;
  messages: Messages;
}) {
  const { fields, errors, set, clearError, geo, locate } = draft;
  const whereLabel =
    geo.status === "located"
      ? m.form.locationSet
      : fields.area
        ? m.form.locationFromArea(m.areas[fields.area])
        : start.point
          ? m.form.locationSet
          : null;
  return (
    <fieldset className="flex min-w-0 flex-col gap-3">
      <legend className="mb-2 text-sm font-medium text-sand-800">{m.service.location}</legend>
      <div className="flex flex-wrap items-end gap-3">
        <Button
          variant="secondary"
          onClick={locate}
          disabled={geo.status === "locating"}
          aria-describedby={errors.location ? "location-error" : undefined}
        >
          <PinIcon />
          {geo.status === "locating" ? m.form.locating : m.form.useMyLocation}
        </Button>
        <SelectField
          id="booking-area"
          label={m.form.area}
          className="min-w-36 flex-1"
          value={fields.area}
          placeholder={m.form.chooseArea}
          options={areas.map((area) => ({ value: area, label: m.areas[area] }))}
          onChange={(e) => {
            set("area", e.target.value as Area | "");
            clearError("location");
          }}
        />
      </div>
      {whereLabel && !errors.location && (
        <p className="text-sm text-tenang-700" data-testid="location-label">
          {whereLabel}
        </p>
      )}
      {geo.status === "denied" && <p className="text-sm text-amber-800">{m.form.locationDenied}</p>}
      {errors.location && (
        <p id="location-error" className="text-sm text-rose-700">
          {errors.location}
        </p>
      )}
      <TextField
        id="booking-address"
        label={m.form.address}
        placeholder={m.form.addressPlaceholder}
        autoComplete="street-address"
        value={fields.address}
        error={errors.address}
        onChange={(e) => set("address", e.target.value)}
      />
      <div className="grid grid-cols-[1fr_8.5rem] items-end gap-3">
        <TextField
          className="min-w-0"
          id="booking-hotel"
          label={m.form.hotel}
          value={fields.hotelOrVilla}
          error={errors.hotelOrVilla}
          onChange={(e) => set("hotelOrVilla", e.target.value)}
        />
        <TextField
          className="min-w-0"
          id="booking-room"
          label={m.form.room}
          value={fields.roomNumber}
          error={errors.roomNumber}
          onChange={(e) => set("roomNumber", e.target.value)}
        />
      </div>
    </fieldset>
  );
}
