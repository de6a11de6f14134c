"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { Alert } from "@tenang/ui/alert";
import { Button } from "@tenang/ui/button";
import { TextField } from "@tenang/ui/text-field";
import { getMessages } from "@/i18n/messages";
import { loginInputSchema } from "@/lib/login-input";

type FieldErrors = Partial<Record<"login" | "password", string>>;

async function errorCodeOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { code?: string } };
    return body.error?.code ?? "fallback";
  } catch {
    return "fallback";
  }
}

export function LoginForm() {
  const messages = getMessages();
  const router = useRouter();
  // The button stays disabled until React has hydrated, so an early tap can't submit the form natively.
  const [hydrated, setHydrated] = useState(false);
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  useEffect(() => setHydrated(true), []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body = { login: data.get("login"), password: data.get("password") };
    const parsed = loginInputSchema.safeParse(body);
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]));
      setFieldErrors({
        login: fields.has("login") ? messages.login.loginInvalid : undefined,
        password: fields.has("password") ? messages.login.passwordRequired : undefined,
      });
      return;
    }
    setFieldErrors({});
    setFormError(null);
    setPending(true);
    try {
      const response = await fetch("/api/auth/login", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        // The raw fields: the route parses them with the same schema.
        body: JSON.stringify(body),
      });
      if (response.ok) {
        router.replace("/");
        router.refresh();
        return;
      }
      const code = await errorCodeOf(response);
      setFormError(messages.login.errors[code] ?? messages.login.errors.fallback ?? null);
    } catch {
      setFormError(messages.login.errors.service_unavailable ?? null);
    }
    setPending(false);
  }

  return (
    // method="post" keeps the password out of the URL even if the form were ever submitted natively.
    <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-4" data-testid="login-form">
      {formError && (
        <Alert tone="error" data-testid="login-error">
          {formError}
        </Alert>
      )}
      <TextField
        id="login"
        name="login"
        type="text"
        label={messages.login.login}
        placeholder={messages.login.loginPlaceholder}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        error={fieldErrors.login}
      />
      <TextField
        id="password"
        name="password"
        type="password"
        label={messages.login.password}
        autoComplete="current-password"
        required
        error={fieldErrors.password}
      />
      <Button type="submit" size="lg" fullWidth disabled={!hydrated || pending}>
        {pending ? messages.login.submitting : messages.login.submit}
      </Button>
    </form>
  );
}
