"use client";

import { useRouter } from "next/navigation";
import { LoginForm as SharedLoginForm } from "@tenang/ui/login-form";
import { useMessages } from "@/i18n/locale-context";
import { loginInputSchema } from "@/lib/login-input";

/** This app's sign-in form: the shared form with this app's words, schema and route. */
export function LoginForm() {
  const messages = useMessages();
  const router = useRouter();
  return (
    <SharedLoginForm
      texts={messages.login}
      schema={loginInputSchema}
      action="/api/auth/login"
      identifier="email"
      onSignedIn={() => {
        router.replace("/");
        router.refresh();
      }}
    />
  );
}
