import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DashboardFrame } from "./dashboard-frame";
import { shellTexts } from "./shell-texts";

function renderFrame(signedIn: boolean) {
  render(
    <DashboardFrame
      locale="id"
      product="Admin"
      texts={shellTexts.id}
      signedIn={signedIn}
      nav={<nav aria-label="Operasional" />}
    >
      <p>page</p>
    </DashboardFrame>,
  );
}

describe("DashboardFrame", () => {
  it("offers sign-out and the navigation to a signed-in person, in the page's language", () => {
    renderFrame(true);
    expect(screen.getByTestId("sign-out").textContent).toBe("Keluar");
    expect(screen.getByRole("navigation", { name: "Operasional" })).toBeTruthy();
    expect(screen.getByTestId("locale-id").getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByText("page")).toBeTruthy();
  });

  it("shows neither to someone signed out (the sign-in page)", () => {
    renderFrame(false);
    expect(screen.queryByTestId("sign-out")).toBeNull();
    expect(screen.queryByRole("navigation")).toBeNull();
    expect(screen.getByText("page")).toBeTruthy();
  });
});
