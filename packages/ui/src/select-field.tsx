import type { SelectHTMLAttributes } from "react";
import { cx } from "./cx";

export type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  /** Needed to tie the label to the select. */
  id: string;
  label: string;
  /** Shown under the select and announced to screen readers. */
  error?: string;
  options: ReadonlyArray<{ value: string; label: string; disabled?: boolean }>;
  /** A first, empty choice ("Choose your area"). */
  placeholder?: string;
};

/** A native select with a label, styled like TextField; native so phones show their own picker. */
export function SelectField({ id, label, error, options, placeholder, className, ...props }: SelectFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className={cx("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-medium text-sand-800">
        {label}
      </label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={cx(
          "h-12 rounded-xl border bg-white px-3 text-base text-sand-900",
          "focus:border-tenang-500 focus:ring-2 focus:ring-tenang-200 focus:outline-none",
          error ? "border-rose-400" : "border-sand-300",
        )}
        {...props}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} className="text-sm text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}
