import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SignOutButton, signOutAndLeave } from "./sign-out-button";

// The page load itself is not the test's business: only where it goes.
let replace: ReturnType<typeof vi.fn<(url: string | URL) => void>>;
beforeEach(() => {
  replace = vi.fn<(url: string | URL) => void>();
  vi.spyOn(window.location, "replace").mockImplementation(replace);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe("SignOutButton", () => {
  it("ends the session on the server, then leaves for /login with a full page load", async () => {
    const fetchMock = vi.fn(() => Promise.resolve(new Response("{}", { status: 200 })));
    vi.stubGlobal("fetch", fetchMock);
    render(<SignOutButton label="Sign out" />);
    const button = screen.getByTestId<HTMLButtonElement>("sign-out");
    await userEvent.setup().click(button);
    expect(button.disabled).toBe(true);
    await waitFor(() => expect(replace).toHaveBeenCalledWith("/login"));
    expect(fetchMock).toHaveBeenCalledWith("/api/auth/logout", { method: "POST" });
  });
});

describe("signOutAndLeave", () => {
  it("leaves the protected page even when the request fails", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(() => Promise.reject(new TypeError("Failed to fetch"))),
    );
    await expect(signOutAndLeave("/api/auth/logout-everywhere")).rejects.toThrow("Failed to fetch");
    expect(replace).toHaveBeenCalledWith("/login");
  });
});
