// Appwrite's datetime format: Y-m-d\TH:i:s.vP in UTC, e.g. 2025-01-02T03:04:05.678+00:00.
export function formatDate(date: Date | number = Date.now()): string {
  const d = typeof date === "number" ? new Date(date) : date;
  return d.toISOString().replace("Z", "+00:00");
}
