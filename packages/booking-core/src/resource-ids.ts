// Every table and bucket id of the database, written once. packages/db/src/schema.ts creates them from these names
// (its test checks the two list the same ids), and booking-server, chat-client, the apps and the test kits address
// them through this module. No imports at all, so browser code and Node scripts can load it as it is.

/** The database the local server and a fresh setup use when APPWRITE_DATABASE_ID names none. */
export const DEFAULT_DATABASE_ID = "tenang";

export const TABLES = {
  therapists: "therapists",
  places: "places",
  bookings: "bookings",
  bookingUpdates: "booking_updates",
  offers: "offers",
  messages: "messages",
  commissions: "commissions",
  discountCodes: "discount_codes",
  rateLimits: "rate_limits",
  bookingTransitions: "booking_transitions",
  therapistHolds: "therapist_holds",
  customerHolds: "customer_holds",
  ratings: "ratings",
  backupRuns: "backup_runs",
  workerHeartbeats: "worker_heartbeats",
  pushSubscriptions: "push_subscriptions",
  notifications: "notifications",
} as const;

export type TableId = (typeof TABLES)[keyof typeof TABLES];

export const BUCKETS = {
  therapistPhotos: "therapist-photos",
  chatImages: "chat-images",
  paymentProofs: "payment-proofs",
  backups: "backups",
} as const;

export type BucketId = (typeof BUCKETS)[keyof typeof BUCKETS];

/**
 * The Realtime channel of a table's rows (`tablesdb.<db>.tables.<table>.rows`), or of one row when `rowId` is given.
 * An event on a row is delivered on both, so the table channel hears every row the subscriber may read.
 */
export function rowsChannel(databaseId: string, tableId: TableId, rowId?: string): string {
  const rows = `tablesdb.${databaseId}.tables.${tableId}.rows`;
  return rowId === undefined ? rows : `${rows}.${rowId}`;
}
