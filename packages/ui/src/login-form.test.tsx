import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LoginForm, type LoginFormTexts, type LoginInputParser } from "./login-form";

const texts: LoginFormTexts = {
  login: "Email",
  loginInvalid: "Enter a valid email.",
  password: "Password",
  passwordRequired: "Enter your password.",
  submit: "Sign in",
  submitting: "Signing in…",
  errors: {
    invalid_credentials: "Wrong email or password.",
    service_unavailable: "Sign-in is not available right now.",
    fallback: "Something went wrong.",
  },
};

/** Stands in for the route's zod schema: an email with an @ and a non-empty password. */
const schema: LoginInputParser = {
  safeParse(input) {
    const body = input as Record<string, unknown>;
    const issues: { path: PropertyKey[] }[] = [];
    const login = body.email ?? body.login;
    if (typeof login !== "string" || !login.includes("@"))
      issues.push({ path: [body.email === undefined ? "login" : "email"] });
    if (typeof body.password !== "string" || body.password === "") issues.push({ path: ["password"] });
    return issues.length === 0 ? { success: true } : { success: false, error: { issues } };
  },
};

function renderForm(identifier: "email" | "emailOrPhone" = "email") {
  const onSignedIn = vi.fn();
  render(
    <LoginForm
      texts={texts}
      schema={schema}
      action="/api/auth/login"
      identifier={identifier}
      onSignedIn={onSignedIn}
    />,
  );
  return { onSignedIn, user: userEvent.setup() };
}

function answer(status: number, body?: unknown) {
  const fetchMock = vi.fn(() =>
    Promise.resolve(new Response(body === undefined ? "not json" : JSON.stringify(body), { status })),
  );
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("LoginForm", () => {
  it("enables the button once React has hydrated", async () => {
    renderForm();
    await waitFor(() =>
      expect(screen.getByRole<HTMLButtonElement>("button", { name: "Sign in" }).disabled).toBe(false),
    );
  });

  it("shows the schema's refusals under their fields and sends nothing", async () => {
    const fetchMock = answer(200, {});
    const { user, onSignedIn } = renderForm();
    await user.type(screen.getByLabelText("Email"), "not-an-email");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(screen.getByText("Enter a valid email.")).toBeTruthy();
    expect(screen.getByText("Enter your password.")).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it("posts the raw fields as JSON and reports a sign-in", async () => {
    const fetchMock = answer(200, { ok: true });
    const { user, onSignedIn } = renderForm();
    await user.type(screen.getByLabelText("Email"), "ayu@example.com");
    await user.type(screen.getByLabelText("Password"), "secret");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
    expect(fetchMock).toHaveBeenCalledWith("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "ayu@example.com", password: "secret" }),
    });
  });

  it("names the login field `login` when it takes an email or a phone number", async () => {
    const fetchMock = answer(200, {});
    const { user } = renderForm("emailOrPhone");
    await user.type(screen.getByLabelText("Email"), "ayu@example.com");
    await user.type(screen.getByLabelText("Password"), "secret");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledOnce());
    expect(fetchMock.mock.calls[0]).toMatchObject([
      "/api/auth/login",
      { body: JSON.stringify({ login: "ayu@example.com", password: "secret" }) },
    ]);
  });

  it.each([
    ["a known error code in its words", 401, { error: { code: "invalid_credentials" } }, "Wrong email or password."],
    ["an unknown code as the fallback", 400, { error: { code: "surprise" } }, "Something went wrong."],
    ["a body that is not JSON as the fallback", 502, undefined, "Something went wrong."],
  ])("shows %s and lets the person try again", async (_name, status, body, shown) => {
    answer(status, body);
    const { user, onSignedIn } = renderForm();
    await user.type(screen.getByLabelText("Email"), "ayu@example.com");
    await user.type(screen.getByLabelText("Password"), "wrong");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect((await screen.findByTestId("login-error")).textContent).toBe(shown);
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Sign in" }).disabled).toBe(false);
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it("says the service is unavailable when the request itself fails", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(() => Promise.reject(new TypeError("Failed to fetch"))),
    );
    const { user } = renderForm();
    await user.type(screen.getByLabelText("Email"), "ayu@example.com");
    await user.type(screen.getByLabelText("Password"), "secret");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect((await screen.findByTestId("login-error")).textContent).toBe("Sign-in is not available right now.");
  });

  it("shows the submitting text while the request is out", async () => {
    let finish: (response: Response) => void = () => undefined;
    vi.stubGlobal(
      "fetch",
      vi.fn(() => new Promise<Response>((resolve) => (finish = resolve))),
    );
    const { user, onSignedIn } = renderForm();
    await user.type(screen.getByLabelText("Email"), "ayu@example.com");
    await user.type(screen.getByLabelText("Password"), "secret");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    const pending = screen.getByRole<HTMLButtonElement>("button", { name: "Signing in…" });
    expect(pending.disabled).toBe(true);
    finish(new Response("{}", { status: 200 }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
  });
});
