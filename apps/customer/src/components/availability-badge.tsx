import { Badge } from "@tenang/ui/badge";
import type { Messages } from "@/i18n/messages";

export function AvailabilityBadge({
  isOnline,
  isBusy,
  messages,
}: {
  isOnline: boolean;
  isBusy: boolean;
  messages: Messages;
}) {
  if (!isOnline) return <Badge dot>{messages.availability.offline}</Badge>;
  if (isBusy)
    return (
      <Badge dot tone="warning">
        {messages.availability.busy}
      </Badge>
    );
  return (
    <Badge dot tone="success">
      {messages.availability.available}
    </Badge>
  );
}
