"use client";

// The profile form: uncontrolled inputs (keyed by the saved profile in profile-view.tsx, so a save resets them),
// checked and sent by useSaveProfile.
import { areas, languages, massageTypes } from "@tenang/booking-core/schemas/common";
import { formatPhone } from "@tenang/booking-core/phone";
import { isApiError } from "@tenang/chat-client/api-client";
import { Alert } from "@tenang/ui/alert";
import { Button } from "@tenang/ui/button";
import { TextField } from "@tenang/ui/text-field";
import { useSaveProfile } from "@/hooks/use-save-profile";
import { useMessages } from "@/i18n/locale-context";
import type { ProfileDto } from "@/lib/dto";
import { Choices, Section } from "./form-parts";
import { PhotoField } from "./photo-field";
import { ServiceAreaField } from "./service-area-field";

export function ProfileForm({
  profile,
  saved,
  onSaved,
}: {
  profile: ProfileDto;
  saved: boolean;
  onSaved: (saved: boolean) => void;
}) {
  const messages = useMessages();
  const m = messages.profile;
  const labels = messages.labels;
  const { issues, save, onSubmit } = useSaveProfile(onSaved);
  const issue = (path: string) => issues[path];
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6" data-testid="profile-form">
      <Section title={m.photo}>
        <PhotoField profile={profile} />
      </Section>
      <Section title={m.basics}>
        <TextField id="name" name="name" label={m.name} defaultValue={profile.name} error={issue("name")} />
        <div className="flex flex-col gap-1.5">
          <span className="text-sm font-medium text-sand-800">{m.gender}</span>
          <Choices
            name="gender"
            type="radio"
            options={["female", "male"]}
            labels={m.genders}
            selected={[profile.gender]}
          />
        </div>
        <label className="flex flex-col gap-1.5 text-sm font-medium text-sand-800">
          {m.bio}
          <textarea
            name="bio"
            defaultValue={profile.bio}
            rows={4}
            maxLength={2000}
            className="rounded-xl border border-sand-300 bg-white px-4 py-3 text-base font-normal text-sand-900 focus:border-tenang-500 focus:ring-2 focus:ring-tenang-200 focus:outline-none"
          />
        </label>
        <TextField
          id="whatsapp"
          name="whatsapp"
          type="tel"
          label={m.whatsapp}
          defaultValue={formatPhone(profile.whatsapp, "national")}
          error={issue("whatsapp")}
        />
      </Section>
      <Section title={m.languages}>
        <Choices name="languages" options={languages} labels={labels.languages} selected={profile.languages} />
        {issue("languages") && <p className="text-sm text-rose-700">{issue("languages")}</p>}
      </Section>
      <Section title={m.massageTypes}>
        <Choices
          name="massageTypes"
          options={massageTypes}
          labels={labels.massageTypes}
          selected={profile.massageTypes}
        />
        {issue("massageTypes") && <p className="text-sm text-rose-700">{issue("massageTypes")}</p>}
      </Section>
      <Section title={m.prices}>
        <div className="grid grid-cols-3 gap-3">
          {([60, 90, 120] as const).map((minutes) => (
            <TextField
              key={minutes}
              id={`price${minutes}`}
              name={`price${minutes}`}
              label={m.priceFor(minutes)}
              inputMode="numeric"
              defaultValue={profile[`price${minutes}`] ?? ""}
              error={issue(`price${minutes}`)}
            />
          ))}
        </div>
        <p className="text-xs text-sand-500">{m.priceHint}</p>
      </Section>
      <Section title={m.serviceArea}>
        <label className="flex flex-col gap-1.5 text-sm font-medium text-sand-800">
          {m.area}
          <select
            name="area"
            defaultValue={profile.area}
            className="h-12 rounded-xl border border-sand-300 bg-white px-4 text-base font-normal"
          >
            {areas.map((area) => (
              <option key={area} value={area}>
                {labels.areas[area] ?? area}
              </option>
            ))}
          </select>
        </label>
        <ServiceAreaField profile={profile} issue={issue("lat") ?? issue("lng") ?? issue("serviceRadiusKm")} />
      </Section>
      <Section title={m.workingHours}>
        <div className="grid grid-cols-2 gap-3">
          <TextField
            id="workingStart"
            name="workingStart"
            type="time"
            label={m.from}
            defaultValue={profile.workingHours.start}
            error={issue("workingHours.start")}
          />
          <TextField
            id="workingEnd"
            name="workingEnd"
            type="time"
            label={m.to}
            defaultValue={profile.workingHours.end}
            error={issue("workingHours.end")}
          />
        </div>
      </Section>
      {save.isError && !isApiError(save.error, "validation_failed") && <Alert tone="error">{save.error.message}</Alert>}
      {saved && <Alert data-testid="profile-saved">{m.saved}</Alert>}
      <Button type="submit" size="lg" fullWidth disabled={save.isPending} data-testid="profile-save">
        {save.isPending ? m.saving : m.save}
      </Button>
    </form>
  );
}
