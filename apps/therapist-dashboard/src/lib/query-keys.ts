// The react-query keys of the dashboard, in one place so realtime events invalidate exactly what they change.
export const queryKeys = {
  me: ["me"] as const,
  offers: ["offers"] as const,
  bookings: ["bookings"] as const,
  bookingList: (scope: "active" | "upcoming" | "history") => ["bookings", "list", scope] as const,
  booking: (id: string) => ["bookings", "one", id] as const,
  earnings: ["earnings"] as const,
  profile: ["profile"] as const,
};
