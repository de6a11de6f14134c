import type { ReactNode } from "react";
import { cx } from "./cx";

export interface SystemBubbleProps {
  children: ReactNode;
  /** `good` for news such as "a therapist is available" or "confirmed"; `warning` for delays and endings. */
  tone?: "neutral" | "good" | "warning";
  time?: string;
  className?: string;
}

/** A message from Tenang itself (search progress, status updates): centred, not anybody's speech bubble. */
export function SystemBubble({ children, tone = "neutral", time, className }: SystemBubbleProps) {
  return (
    <div className={cx("flex justify-center px-2", className)}>
      <div
        className={cx(
          "max-w-[85%] rounded-2xl px-4 py-2 text-center text-sm leading-snug",
          tone === "good" && "bg-tenang-50 text-tenang-800 ring-1 ring-tenang-100",
          tone === "warning" && "bg-amber-50 text-amber-900 ring-1 ring-amber-100",
          tone === "neutral" && "bg-sand-100 text-sand-700",
        )}
      >
        <span>{children}</span>
        {time && <span className="mt-0.5 block text-[11px] text-sand-500">{time}</span>}
      </div>
    </div>
  );
}

export interface MessageBubbleProps {
  /** The viewer's own messages sit on the right in the brand colour. */
  own: boolean;
  children: ReactNode;
  /** Who wrote it, shown above others' messages (e.g. the therapist's name). */
  author?: string;
  time?: string;
  /** Delivery note under the bubble ("Sending…", "Not sent." with a retry). */
  footer?: ReactNode;
  pending?: boolean;
  className?: string;
}

/** A message a person wrote. */
export function MessageBubble({ own, children, author, time, footer, pending, className }: MessageBubbleProps) {
  return (
    <div className={cx("flex flex-col", own ? "items-end" : "items-start", className)}>
      {author && !own && <span className="mb-0.5 px-3 text-xs font-medium text-sand-600">{author}</span>}
      <div
        className={cx(
          "max-w-[80%] rounded-2xl px-4 py-2 text-[15px] leading-snug break-words whitespace-pre-wrap",
          own
            ? "rounded-br-md bg-tenang-600 text-white"
            : "rounded-bl-md border border-sand-200 bg-white text-sand-900 shadow-sm shadow-sand-900/5",
          pending && "opacity-70",
        )}
      >
        {children}
        {time && (
          <span className={cx("mt-0.5 block text-right text-[11px]", own ? "text-tenang-100" : "text-sand-500")}>
            {time}
          </span>
        )}
      </div>
      {footer && <div className="mt-1 px-2 text-xs text-sand-600">{footer}</div>}
    </div>
  );
}
