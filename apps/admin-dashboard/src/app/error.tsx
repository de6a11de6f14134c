"use client";

// Shown when a page fails to load (usually Appwrite unreachable): the shared error page in this app's words.
import { ErrorPage } from "@tenang/ui/error-page";
import { useMessages } from "@/i18n/locale-context";

export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPage error={error} retry={retry} texts={useMessages().error} />;
}
