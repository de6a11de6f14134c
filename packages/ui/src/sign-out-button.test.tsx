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

describe("signing out of a device that receives notifications", () => {
  it("deletes the server's subscription row and unsubscribes the browser before ending the session", async () => {
    const calls: string[] = [];
    const unsubscribe = vi.fn(() => {
      calls.push("unsubscribe");
      return Promise.resolve(true);
    });
    const subscription = { endpoint: "https://push.example.test/abc", unsubscribe };
    vi.stubGlobal("PushManager", class {});
    vi.stubGlobal("Notification", { permission: "granted" });
    Object.defineProperty(navigator, "serviceWorker", {
      configurable: true,
      value: {
        getRegistration: () =>
          Promise.resolve({ pushManager: { getSubscription: () => Promise.resolve(subscription) } }),
      },
    });
    vi.stubGlobal(
      "fetch",
      vi.fn((url: string, init?: RequestInit) => {
        calls.push(`${init?.method ?? "GET"} ${url} ${typeof init?.body === "string" ? init.body : ""}`.trim());
        return Promise.resolve(new Response(null, { status: 204 }));
      }),
    );
    try {
      await signOutAndLeave("/api/auth/logout");
    } finally {
      Reflect.deleteProperty(navigator, "serviceWorker");
    }
    expect(calls).toEqual([
      'DELETE /api/push/subscription {"endpoint":"https://push.example.test/abc"}',
      "unsubscribe",
      "POST /api/auth/logout",
    ]);
    expect(replace).toHaveBeenCalledWith("/login");
  });
});
