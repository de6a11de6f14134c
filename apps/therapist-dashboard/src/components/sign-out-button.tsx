"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@tenang/ui/button";

export function SignOutButton({ label }: { label: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function signOut() {
    setPending(true);
    try {
      await fetch("/api/auth/logout", { method: "POST" });
    } finally {
      // Even if the request failed, leave the protected page; the server re-checks the session there anyway.
      router.replace("/login");
      router.refresh();
    }
  }

  return (
    <Button variant="ghost" onClick={signOut} disabled={pending} data-testid="sign-out">
      {label}
    </Button>
  );
}
