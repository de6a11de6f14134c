"use client";

// Shown when a page fails to load (usually Appwrite unreachable). Server errors arrive here without their message
// in production, so the text is the app's, not the error's.
import { useEffect } from "react";
import { Button } from "./button";
import { EmptyState } from "./empty-state";

export interface ErrorPageProps {
  error: unknown;
  retry: () => void;
  texts: { title: string; body: string; retry: string };
}

export function ErrorPage({ error, retry, texts }: ErrorPageProps) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div role="alert" className="pt-6">
      <EmptyState
        title={texts.title}
        description={texts.body}
        action={<Button onClick={() => retry()}>{texts.retry}</Button>}
      />
    </div>
  );
}
