/** Joins class names, skipping falsy ones. Internal to @tenang/ui (not exported). */
export function cx(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(" ");
}
