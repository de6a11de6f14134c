import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { NotFoundPage } from "./not-found-page";

describe("NotFoundPage", () => {
  it("says what was not found and links back home", () => {
    render(<NotFoundPage title="We couldn't find that page" homeLabel="Back to overview" />);
    expect(screen.getByText("We couldn't find that page")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Back to overview" }).getAttribute("href")).toBe("/");
  });
});
