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
      texts={{
        login: messages.login.email,
        loginInvalid: messages.login.emailInvalid,
        password: messages.login.password,
        passwordRequired: messages.login.passwordRequired,
        submit: messages.login.submit,
        submitting: messages.login.submitting,
        errors: messages.login.errors,
      }}
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
