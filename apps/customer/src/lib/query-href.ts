/** `/?…` with some query keys changed (undefined removes one); the rest of the query is kept. */
export function hrefWith(
  current: Readonly<Record<string, string | undefined>>,
  changes: Readonly<Record<string, string | undefined>>,
  path = "/",
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...current, ...changes })) {
    if (value !== undefined && value !== "") query.set(key, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
