import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { LoginPage } from "./login-page";

describe("LoginPage", () => {
  it("heads the app's sign-in form with its title and who it is for", () => {
    render(
      <LoginPage title="Sign in" intro="Operations staff only.">
        <form data-testid="login-form" />
      </LoginPage>,
    );
    expect(screen.getByRole("heading", { level: 1, name: "Sign in" })).toBeTruthy();
    expect(screen.getByText("Operations staff only.")).toBeTruthy();
    expect(screen.getByTestId("login-form")).toBeTruthy();
  });
});
