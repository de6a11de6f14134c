"use client";

import { useState } from "react";
import { Button } from "./button";
import { forgetPushSubscription } from "./push-notifications";

/**
 * Ends the session on the server (one device, or with logout-everywhere all of them), then leaves with a full page
 * load. A client-side navigation would keep this tab's JavaScript alive, and with it any realtime socket or cached
 * data that has not unmounted yet; a page load ends every socket of the tab at once (issue 9, finding 9).
 */
export async function signOutAndLeave(
  endpoint: "/api/auth/logout" | "/api/auth/logout-everywhere",
  loginHref = "/login",
): Promise<void> {
  try {
    // First, while the session still proves who owns this device's subscription.
    await forgetPushSubscription();
    await fetch(endpoint, { method: "POST" });
  } finally {
    // Even if the request failed, leave the protected page; the server re-checks the session there anyway.
    window.location.replace(loginHref);
  }
}

/** The header's "Sign out" of a dashboard: this device only. */
export function SignOutButton({ label }: { label: string }) {
  const [pending, setPending] = useState(false);

  return (
    <Button
      variant="ghost"
      onClick={() => {
        setPending(true);
        void signOutAndLeave("/api/auth/logout");
      }}
      disabled={pending}
      data-testid="sign-out"
    >
      {label}
    </Button>
  );
}
