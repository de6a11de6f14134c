"use client";

import { Button } from "@tenang/ui/button";
import { useState } from "react";
import { useMessages } from "@/i18n/locale-context";
import { signOutAndLeave } from "@/components/sign-out-button";

/** Ends every session of this account (a lost phone), then leaves for the login page. */
export function SignOutEverywhere() {
  const m = useMessages().profile;
  const [pending, setPending] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-sand-600">{m.signOutEverywhereHint}</p>
      <Button
        variant="secondary"
        disabled={pending}
        data-testid="sign-out-everywhere"
        onClick={() => {
          setPending(true);
          void signOutAndLeave("/api/auth/logout-everywhere");
        }}
      >
        {m.signOutEverywhere}
      </Button>
    </div>
  );
}
