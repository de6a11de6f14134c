import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ErrorPage } from "./error-page";
import { shellTexts } from "./shell-texts";

afterEach(() => vi.restoreAllMocks());

describe("ErrorPage", () => {
  it("says the page failed in the app's words, logs the error, and retries on request", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const retry = vi.fn();
    const error = new Error("Appwrite unreachable");
    render(<ErrorPage error={error} retry={retry} texts={shellTexts.en.error} />);
    expect(screen.getByRole("alert").textContent).toContain("We couldn't load this page");
    expect(log).toHaveBeenCalledWith(error);
    await userEvent.setup().click(screen.getByRole("button", { name: "Try again" }));
    expect(retry).toHaveBeenCalledOnce();
  });
});
