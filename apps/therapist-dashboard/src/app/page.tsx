import { Alert } from "@tenang/ui/alert";
import { Badge } from "@tenang/ui/badge";
import { Card } from "@tenang/ui/card";
import { getMessages } from "@/i18n/messages";
import { requireSignedInUser } from "@/server/auth/get-signed-in-user";
import { getMyTherapist } from "@/server/therapists/get-my-therapist";

export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const messages = getMessages();
  const user = await requireSignedInUser();
  const therapist = await getMyTherapist(user.id);

  if (!therapist) {
    return (
      <div className="flex flex-col gap-4 pt-2">
        <h1 className="text-2xl font-semibold tracking-tight text-sand-900" data-testid="welcome">
          {messages.home.welcome(user.name || user.email)}
        </h1>
        <Alert title={messages.home.notLinkedTitle}>{messages.home.notLinkedBody}</Alert>
      </div>
    );
  }

  const status = therapist.isRestricted
    ? { tone: "danger" as const, label: messages.home.restricted, state: "restricted" }
    : therapist.isOnline
      ? therapist.isBusy
        ? { tone: "warning" as const, label: messages.home.busy, state: "busy" }
        : { tone: "success" as const, label: messages.home.online, state: "online" }
      : { tone: "neutral" as const, label: messages.home.offline, state: "offline" };

  return (
    <div className="flex flex-col gap-5 pt-2">
      <h1 className="text-2xl font-semibold tracking-tight text-sand-900" data-testid="welcome">
        {messages.home.welcome(therapist.name)}
      </h1>
      <Card className="flex items-center justify-between gap-3">
        <span className="text-sm text-sand-600">{messages.home.statusLabel}</span>
        <Badge dot tone={status.tone} data-testid="online-status" data-state={status.state}>
          {status.label}
        </Badge>
      </Card>
      {therapist.isRestricted && therapist.restrictedReason && <Alert tone="error">{therapist.restrictedReason}</Alert>}
    </div>
  );
}
