import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";

export type AlertTone = "info" | "error";

export type AlertProps = Omit<HTMLAttributes<HTMLDivElement>, "title"> & {
  tone?: AlertTone;
  title?: string;
  children?: ReactNode;
};

/** A message box; errors are announced at once (role="alert"), info politely (role="status"). */
export function Alert({ tone = "info", title, children, className, ...props }: AlertProps) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cx(
        "rounded-xl border px-4 py-3 text-sm",
        tone === "error"
          ? "border-rose-200 bg-rose-50 text-rose-800"
          : "border-tenang-200 bg-tenang-50 text-tenang-800",
        className,
      )}
      {...props}
    >
      {title && <p className="font-semibold">{title}</p>}
      {children && <div className={cx(title && "mt-0.5")}>{children}</div>}
    </div>
  );
}
