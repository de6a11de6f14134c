import { cx } from "@tenang/ui/class-names";
import type { ReactNode } from "react";

/** One labelled amount of a booking's money (price, commission, payout) inside a <dl>; `strong` for what is earned. */
export function MoneyFigure({
  label,
  children,
  strong,
  testId,
}: {
  label: string;
  children: ReactNode;
  strong?: boolean;
  testId?: string;
}) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs text-sand-500">{label}</dt>
      <dd
        className={cx("text-sm tabular-nums", strong ? "font-semibold text-tenang-700" : "font-medium text-sand-900")}
        data-testid={testId}
      >
        {children}
      </dd>
    </div>
  );
}
