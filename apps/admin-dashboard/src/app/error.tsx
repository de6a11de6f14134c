"use client";

// Shown when a page fails to load (usually Appwrite unreachable). Server errors arrive here without their
// message in production, so the text is ours, not the error's.
import { useEffect } from "react";
import { Button } from "@tenang/ui/button";
import { EmptyState } from "@tenang/ui/empty-state";
import { useMessages } from "@/i18n/locale-context";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const messages = useMessages();
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div role="alert" className="pt-6">
      <EmptyState
        title={messages.error.title}
        description={messages.error.body}
        action={<Button onClick={() => retry()}>{messages.error.retry}</Button>}
      />
    </div>
  );
}
