import type { ReactNode } from "react";

/** A titled group of the profile form. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-sm font-semibold text-sand-900">{title}</legend>
      {children}
    </fieldset>
  );
}

/** Pills for a multiple (checkbox) or single (radio) choice; uncontrolled, read from the form on submit. */
export function Choices({
  name,
  options,
  labels,
  selected,
  type = "checkbox",
}: {
  name: string;
  options: readonly string[];
  labels: Record<string, string>;
  selected: readonly string[];
  type?: "checkbox" | "radio";
}) {
  return (
    <div className="flex flex-wrap gap-2">
      {options.map((option) => (
        <label
          key={option}
          className="inline-flex h-9 cursor-pointer items-center gap-2 rounded-full border border-sand-300 bg-white px-3 text-sm text-sand-800 has-checked:border-tenang-600 has-checked:bg-tenang-50 has-checked:text-tenang-800"
        >
          <input
            type={type}
            name={name}
            value={option}
            defaultChecked={selected.includes(option)}
            className="accent-tenang-600"
          />
          {labels[option] ?? option}
        </label>
      ))}
    </div>
  );
}
