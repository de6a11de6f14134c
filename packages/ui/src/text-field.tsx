import type { InputHTMLAttributes } from "react";
import { cx } from "./cx";

export type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  /** Needed to tie the label to the input. */
  id: string;
  label: string;
  /** Shown under the input and announced to screen readers. */
  error?: string;
};

export function TextField({ id, label, error, className, ...props }: TextFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className={cx("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-medium text-sand-800">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={cx(
          "h-12 rounded-xl border bg-white px-4 text-base text-sand-900 placeholder:text-sand-400",
          "focus:border-tenang-500 focus:ring-2 focus:ring-tenang-200 focus:outline-none",
          error ? "border-rose-400" : "border-sand-300",
        )}
        {...props}
      />
      {error && (
        <p id={errorId} className="text-sm text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}
