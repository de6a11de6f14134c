"use client";

// The therapist's profile page: ratings, the profile form (profile-form.tsx) and signing out everywhere.
import { useQuery } from "@tanstack/react-query";
import { Alert } from "@tenang/ui/alert";
import { Card } from "@tenang/ui/card";
import { Rating } from "@tenang/ui/rating";
import { useState } from "react";
import { useMessages } from "@/i18n/locale-context";
import { apiFetch } from "@/lib/api-client";
import type { ProfileDto } from "@/lib/dto";
import { queryKeys } from "@/lib/query-keys";
import { ProfileForm } from "./profile-form";
import { SignOutEverywhere } from "./sign-out-everywhere";

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
