"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Avatar } from "@tenang/ui/avatar";
import { useMessages } from "@/i18n/locale-context";
import { apiFetch } from "@/lib/api-client";
import type { ProfileDto } from "@/lib/dto";
import { queryKeys } from "@/lib/query-keys";

/** The profile photo, uploaded on its own as soon as a file is picked (the route judges it by its bytes). */
export function PhotoField({ profile }: { profile: ProfileDto }) {
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
