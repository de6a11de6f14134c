"use client";

// Shown when a page fails to load (usually Appwrite unreachable). Server errors arrive here without their
// message in production, so the text is ours, not the error's.
import { useEffect } from "react";
import { Button } from "@tenang/ui/button";
import { EmptyState } from "@tenang/ui/empty-state";
import { parseLocaleCookie } from "@tenang/booking-core/locale";
import { getMessages } from "@/i18n/messages";

/** The page's language as the layout set it on <html lang> (the visitor's choice, else their browser's). */
function pageLocale() {
  return typeof document === "undefined" ? null : parseLocaleCookie(document.documentElement.lang);
}

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const messages = getMessages(pageLocale() ?? undefined);
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
