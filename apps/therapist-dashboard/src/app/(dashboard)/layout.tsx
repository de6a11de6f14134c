import type { ReactNode } from "react";
import { Alert } from "@tenang/ui/alert";
import { getRequestMessages } from "@/i18n/request-locale";
import { requireSignedInUser } from "@/server/app-server";
import { getMe } from "@/server/therapists/get-me";
import { DashboardShell } from "@/components/shell/dashboard-shell";

export const dynamic = "force-dynamic";

/** Every page of a signed-in therapist: redirects to /login without a session, explains a missing profile link. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const messages = await getRequestMessages();
  const user = await requireSignedInUser();
  const me = await getMe(user);
  if (!me) {
    return (
      <div className="flex flex-col gap-4 pt-2">
        <h1 className="text-2xl font-semibold tracking-tight text-sand-900" data-testid="welcome">
          {messages.home.welcome(user.name || user.email)}
        </h1>
        <Alert title={messages.home.notLinkedTitle}>{messages.home.notLinkedBody}</Alert>
      </div>
    );
  }
  return <DashboardShell me={me}>{children}</DashboardShell>;
}
