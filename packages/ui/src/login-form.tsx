"use client";

import { useEffect, useState, type FormEvent } from "react";
import { Alert } from "./alert";
import { Button } from "./button";
import { TextField } from "./text-field";

export interface LoginFormTexts {
  /** The label of the email (or email-or-phone) field. */
  login: string;
  loginPlaceholder?: string;
  /** Shown under that field when the schema refuses it. */
  loginInvalid: string;
  password: string;
  passwordRequired: string;
  submit: string;
  submitting: string;
  /** Keyed by the error code the sign-in route answers with; `fallback` for anything else. */
  errors: Readonly<Record<string, string | undefined>>;
}

/** The schema the sign-in route parses with (zod's `safeParse` fits), so the form and the route agree. */
export interface LoginInputParser {
  safeParse(
    input: unknown,
  ): { success: true } | { success: false; error: { issues: readonly { path: readonly PropertyKey[] }[] } };
}

export interface LoginFormProps {
  texts: LoginFormTexts;
  schema: LoginInputParser;
  /** Where the credentials are POSTed as JSON (e.g. "/api/auth/login"). */
  action: string;
  /**
   * "email": an email field named `email`. "emailOrPhone": a text field named `login` that takes an email or a
   * phone number (the schema decides which it is).
   */
  identifier: "email" | "emailOrPhone";
  /** Called after a successful sign-in (e.g. navigate to the home page). */
  onSignedIn: () => void;
}

async function errorCodeOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { code?: string } };
    return body.error?.code ?? "fallback";
  } catch {
    return "fallback";
  }
}

/** The sign-in form: validates with the route's schema, POSTs JSON, and shows the route's answer in words. */
export function LoginForm({ texts, schema, action, identifier, onSignedIn }: LoginFormProps) {
  const field = identifier === "email" ? "email" : "login";
  // The button stays disabled until React has hydrated, so an early tap can't submit the form natively.
  const [hydrated, setHydrated] = useState(false);
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<{ login?: string; password?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  useEffect(() => setHydrated(true), []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body = { [field]: data.get(field), password: data.get("password") };
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]));
      setFieldErrors({
        login: fields.has(field) ? texts.loginInvalid : undefined,
        password: fields.has("password") ? texts.passwordRequired : undefined,
      });
      return;
    }
    setFieldErrors({});
    setFormError(null);
    setPending(true);
    try {
      const response = await fetch(action, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        // The raw fields: the route parses them with the same schema.
        body: JSON.stringify(body),
      });
      if (response.ok) {
        onSignedIn();
        return;
      }
      const code = await errorCodeOf(response);
      setFormError(texts.errors[code] ?? texts.errors.fallback ?? null);
    } catch {
      setFormError(texts.errors.service_unavailable ?? null);
    }
    setPending(false);
  }

  return (
    // method="post" keeps the password out of the URL even if the form were ever submitted natively. onSubmit
    // turns every failure into a message, so its promise never rejects.
    <form
      method="post"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="flex flex-col gap-4"
      data-testid="login-form"
    >
      {formError && (
        <Alert tone="error" data-testid="login-error">
          {formError}
        </Alert>
      )}
      {identifier === "email" ? (
        <TextField
          id="email"
          name="email"
          type="email"
          label={texts.login}
          placeholder={texts.loginPlaceholder}
          autoComplete="username"
          inputMode="email"
          required
          error={fieldErrors.login}
        />
      ) : (
        <TextField
          id="login"
          name="login"
          type="text"
          label={texts.login}
          placeholder={texts.loginPlaceholder}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={fieldErrors.login}
        />
      )}
      <TextField
        id="password"
        name="password"
        type="password"
        label={texts.password}
        autoComplete="current-password"
        required
        error={fieldErrors.password}
      />
      <Button type="submit" size="lg" fullWidth disabled={!hydrated || pending}>
        {pending ? texts.submitting : texts.submit}
      </Button>
    </form>
  );
}
