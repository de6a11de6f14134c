"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorMapFor } from "@tenang/booking-core/validation";
import { areas, languages, massageTypes } from "@tenang/booking-core/schemas/common";
import { areaCentres } from "@tenang/booking-core/schemas/location";
import { therapistProfileInputSchema } from "@tenang/booking-core/schemas/therapist";
import { mapsUrl } from "@tenang/booking-core/maps-url";
import { formatPhone } from "@tenang/booking-core/phone";
import { Alert } from "@tenang/ui/alert";
import { Avatar } from "@tenang/ui/avatar";
import { Button } from "@tenang/ui/button";
import { Card } from "@tenang/ui/card";
import { Rating } from "@tenang/ui/rating";
import { ServiceAreaMap, type ServiceArea } from "@tenang/ui/service-area-map";
import { TextField } from "@tenang/ui/text-field";
import { useState, type FormEvent, type ReactNode } from "react";
import { useLocale, useMessages } from "@/i18n/locale-context";
import { apiFetch, isApiError } from "@/lib/api-client";
import type { ProfileDto } from "@/lib/dto";
import { labelFor } from "@/lib/format";
import { signOutAndLeave } from "@tenang/ui/sign-out-button";
import { queryKeys } from "@/lib/query-keys";

type Issues = Record<string, string>;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-sm font-semibold text-sand-900">{title}</legend>
      {children}
    </fieldset>
  );
}

function Choices({
  name,
  options,
  labels,
  selected,
  type = "checkbox",
}: {
  name: string;
  options: readonly string[];
  labels: Record<string, string>;
  selected: readonly string[];
  type?: "checkbox" | "radio";
}) {
  return (
    <div className="flex flex-wrap gap-2">
      {options.map((option) => (
        <label
          key={option}
          className="inline-flex h-9 cursor-pointer items-center gap-2 rounded-full border border-sand-300 bg-white px-3 text-sm text-sand-800 has-checked:border-tenang-600 has-checked:bg-tenang-50 has-checked:text-tenang-800"
        >
          <input
            type={type}
            name={name}
            value={option}
            defaultChecked={selected.includes(option)}
            className="accent-tenang-600"
          />
          {labels[option] ?? option}
        </label>
      ))}
    </div>
  );
}

const numberOrNull = (value: FormDataEntryValue | null) => {
  const text = String(value ?? "").trim();
  return text === "" ? null : Number(text.replace(/[.,\s]/g, ""));
};

function readForm(form: HTMLFormElement) {
  const data = new FormData(form);
  return {
    name: String(data.get("name") ?? ""),
    gender: String(data.get("gender") ?? ""),
    bio: String(data.get("bio") ?? ""),
    languages: data.getAll("languages").map(String),
    massageTypes: data.getAll("massageTypes").map(String),
    area: String(data.get("area") ?? ""),
    lat: Number(data.get("lat")),
    lng: Number(data.get("lng")),
    serviceRadiusKm: Number(data.get("serviceRadiusKm")),
    price60: numberOrNull(data.get("price60")),
    price90: numberOrNull(data.get("price90")),
    price120: numberOrNull(data.get("price120")),
    whatsapp: String(data.get("whatsapp") ?? ""),
    workingHours: { start: String(data.get("workingStart") ?? ""), end: String(data.get("workingEnd") ?? "") },
  };
}

function PhotoField({ profile }: { profile: ProfileDto }) {
  const messages = useMessages();
  const m = messages.profile;
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set("file", file);
      return apiFetch<ProfileDto>("/api/profile/photo", { body: form });
    },
    onSuccess: (next) => {
      queryClient.setQueryData(queryKeys.profile, next);
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
  return (
    <div className="flex items-center gap-4">
      <Avatar src={profile.photoUrl && `${profile.photoUrl}?w=192`} name={profile.name} size="lg" />
      <div className="flex flex-col gap-1">
        <label
          htmlFor="photo"
          className="inline-flex h-10 cursor-pointer items-center justify-center rounded-full border border-sand-300 bg-white px-4 text-sm font-medium hover:bg-sand-100"
        >
          {upload.isPending ? messages.earnings.uploading : m.changePhoto}
        </label>
        <input
          id="photo"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          className="sr-only"
          data-testid="photo-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) upload.mutate(file);
            e.target.value = "";
          }}
        />
        <p className="text-xs text-sand-500">{m.photoHint}</p>
        {upload.isError && <p className="text-sm text-rose-700">{upload.error.message}</p>}
      </div>
    </div>
  );
}

// The profile schema's radius range, read from the schema itself so the slider can't offer what the route refuses.
const radiusSchema = therapistProfileInputSchema.shape.serviceRadiusKm;
const RADIUS_RANGE = { min: radiusSchema.minValue ?? 1, max: radiusSchema.maxValue ?? 50, step: 1 };

/** Pin + radius on the map; submitted with the profile form as lat, lng and serviceRadiusKm. */
function ServiceAreaField({ profile, issue }: { profile: ProfileDto; issue: string | undefined }) {
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

function ProfileForm({
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
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [issues, setIssues] = useState<Issues>({});
  const save = useMutation({
    mutationFn: (body: unknown) => apiFetch<ProfileDto>("/api/profile", { method: "PUT", body }),
    onSuccess: (next) => {
      onSaved(true);
      queryClient.setQueryData(queryKeys.profile, next);
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
    onError: (error) => {
      if (isApiError(error)) setIssues(Object.fromEntries(error.issues.map((i) => [i.path, i.message])));
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSaved(false);
    const body = readForm(event.currentTarget);
    // The same schema as the route: problems show at once, worded like the server's.
    const parsed = therapistProfileInputSchema.safeParse(body, { error: errorMapFor(locale) });
    if (!parsed.success) {
      setIssues(Object.fromEntries(parsed.error.issues.map((i) => [i.path.map(String).join("."), i.message])));
      return;
    }
    setIssues({});
    save.mutate(body);
  }

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

function SignOutEverywhere() {
  const m = useMessages().profile;
  const [pending, setPending] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-sand-600">{m.signOutEverywhereHint}</p>
      <Button
        variant="secondary"
        disabled={pending}
        data-testid="sign-out-everywhere"
        onClick={() => {
          setPending(true);
          void signOutAndLeave("/api/auth/logout-everywhere");
        }}
      >
        {m.signOutEverywhere}
      </Button>
    </div>
  );
}

export function ProfileView() {
  const messages = useMessages();
  const m = messages.profile;
  const query = useQuery({ queryKey: queryKeys.profile, queryFn: () => apiFetch<ProfileDto>("/api/profile") });
  // Kept here: a save replaces the profile, which remounts the form below (see its key).
  const [saved, setSaved] = useState(false);
  if (query.isPending) return <p className="text-sm text-sand-500">{messages.common.loading}</p>;
  if (query.isError) return <Alert tone="error">{query.error.message}</Alert>;
  const profile = query.data;
  return (
    <div className="flex flex-col gap-5" data-testid="profile">
      <div className="flex items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-sand-900">{m.title}</h1>
        <span className="flex items-center gap-2 text-sm text-sand-600">
          {m.ratings}{" "}
          <Rating
            value={profile.rating}
            count={profile.ratingCount}
            newLabel={messages.history.noRatings}
            describe={messages.history.ratingDescribe}
          />
        </span>
      </div>
      <Card>
        {/* Keyed by the saved values, so a save (or a change elsewhere) resets the uncontrolled inputs to them. */}
        <ProfileForm key={JSON.stringify(profile)} profile={profile} saved={saved} onSaved={setSaved} />
      </Card>
      <Card>
        <h2 className="mb-2 text-base font-semibold text-sand-900">{m.security}</h2>
        <SignOutEverywhere />
      </Card>
    </div>
  );
}
