import { Alert } from "@tenang/ui/alert";
import type { Messages } from "@/i18n/messages";

/** An action's failure under a panel, with a retry when there is one. */
export function ErrorLine({
  error,
  onRetry,
  messages: m,
}: {
  error: string | null;
  onRetry?: () => void;
  messages: Messages;
}) {
  if (!error) return null;
  return (
    <Alert tone="error" className="flex items-center justify-between gap-3" data-testid="action-error">
      <span>{error}</span>
      {onRetry && (
        <button type="button" className="shrink-0 font-medium underline" onClick={onRetry}>
          {m.errors.retry}
        </button>
      )}
    </Alert>
  );
}
