"use client";

// Saving the profile form: checked first with the route's own schema (problems show at once, worded like the
// server's), then PUT /api/profile; the route's issues land on the same fields.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { therapistProfileInputSchema } from "@tenang/booking-core/schemas/therapist";
import { errorMapFor } from "@tenang/booking-core/validation";
import { isApiError } from "@tenang/chat-client/api-client";
import { useState, type FormEvent } from "react";
import { useLocale } from "@/i18n/locale-context";
import { apiFetch } from "@/lib/api-client";
import type { ProfileDto } from "@/lib/dto";
import { readProfileForm } from "@/lib/profile-form-input";
import { queryKeys } from "@/lib/query-keys";

/** Field path ("workingHours.start") → what is wrong with it. */
type Issues = Record<string, string>;

export function useSaveProfile(onSaved: (saved: boolean) => void) {
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
    const body = readProfileForm(event.currentTarget);
    const parsed = therapistProfileInputSchema.safeParse(body, { error: errorMapFor(locale) });
    if (!parsed.success) {
      setIssues(Object.fromEntries(parsed.error.issues.map((i) => [i.path.map(String).join("."), i.message])));
      return;
    }
    setIssues({});
    save.mutate(body);
  }

  return { issues, save, onSubmit };
}
