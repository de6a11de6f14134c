// Loads the demo marketplace into an empty project: therapists, spas, photos, discount codes, two logins, and a few
// past sessions of the demo therapist (completed, paid, rated). Every item is create-if-missing, so an interrupted
// seed finishes on the next run instead of duplicating rows.
import {
  AppwriteException,
  Permission,
  Role,
  type Models,
  type Storage,
  type TablesDB,
  type Users,
} from "node-appwrite";
import { InputFile } from "node-appwrite/file";
import { BUCKETS, TABLES, type TableId } from "@tenang/booking-core/resource-ids";
import { avatarSvg } from "./avatar.ts";
import { DEMO_LOGINS, type DemoPastBooking, demoPastBookings, demoPlaces, demoTherapists } from "./demo-data.ts";

interface Targets {
  tablesDB: TablesDB;
  storage: Storage;
  users: Users;
  databaseId: string;
}

export const DEMO_THERAPIST_USER_ID = "demo-therapist";
export const DEMO_ADMIN_USER_ID = "demo-admin";

export async function isEmpty({ tablesDB, databaseId }: Targets): Promise<boolean> {
  const { total } = await tablesDB.listRows({ databaseId, tableId: TABLES.therapists, queries: [] });
  return total === 0;
}

export async function seedDemo(
  t: Targets,
  opts: { now?: Date } = {},
): Promise<{ therapists: number; places: number; pastBookings: number }> {
  const { storage, users } = t;
  const nowMs = (opts.now ?? new Date()).getTime();

  await ensureUser(users, DEMO_THERAPIST_USER_ID, DEMO_LOGINS.therapist, ["therapist"]);
  await ensureUser(users, DEMO_ADMIN_USER_ID, DEMO_LOGINS.admin, ["admin"]);

  const therapists = demoTherapists();
  const past = demoPastBookings(therapists[0]!, nowMs);
  for (const [i, th] of therapists.entries()) {
    await ensureFile(storage, th.photoFileId, `${th.id}.svg`, avatarSvg(th.name, i));
    const userId = i === 0 ? DEMO_THERAPIST_USER_ID : null;
    const { id, ...data } = th;
    // The demo therapist last worked at the end of their latest past session.
    const lastBookingAt = i === 0 ? (past.at(-1)?.completedAt ?? null) : null;
    await createRowIfMissing(
      t,
      TABLES.therapists,
      id,
      {
        ...data,
        ratingSum: ratingSumOf(th),
        userId,
        lastBookingAt,
        isBusy: false,
        isRestricted: false,
        missedOffersInRow: 0,
      },
      // The linked therapist may read (and get realtime events for) their own row.
      userId ? [Permission.read(Role.user(userId))] : [],
    );
  }

  const places = demoPlaces();
  for (const [i, p] of places.entries()) {
    await ensureFile(storage, p.photoFileId, `${p.id}.svg`, avatarSvg(p.name, i + 3));
    const { id, ...data } = p;
    await createRowIfMissing(t, TABLES.places, id, { ...data, ratingSum: ratingSumOf(p) });
  }

  const codes = [
    {
      id: "tenang10",
      code: "TENANG10",
      kind: "percent",
      value: 10,
      minSpend: 0,
      usageLimit: 1000,
      perCustomerLimit: 1,
    },
    {
      id: "welcome50k",
      code: "WELCOME50K",
      kind: "fixed",
      value: 50_000,
      minSpend: 300_000,
      usageLimit: 500,
      perCustomerLimit: 1,
    },
  ];
  for (const { id, ...code } of codes) {
    await createRowIfMissing(t, TABLES.discountCodes, id, { ...code, usedCount: 0, active: true });
  }
  for (const session of past) await createPastBookingIfMissing(t, session, DEMO_THERAPIST_USER_ID);
  return { therapists: therapists.length, places: places.length, pastBookings: past.length };
}

/** The demo averages are given to one decimal; their sum is the nearest whole number of stars. */
function ratingSumOf(provider: { rating: number; ratingCount: number }): number {
  return Math.round(provider.rating * provider.ratingCount);
}

/**
 * A past session as one transaction (booking, commission record, rating), so a re-run or an interrupted seed never
 * leaves a booking without its commission or rating: if the booking exists, nothing of it is written again.
 */
async function createPastBookingIfMissing(
  { tablesDB, databaseId }: Targets,
  session: DemoPastBooking,
  therapistUserId: string,
): Promise<void> {
  const customerAndTherapist = [
    Permission.read(Role.user(session.customerId)),
    Permission.read(Role.user(therapistUserId)),
  ];
  const { $id: transactionId } = await tablesDB.createTransaction({ ttl: 60 });
  let committed = false;
  try {
    await ignoreConflict(async () => {
      const stage = (tableId: TableId, data: Record<string, unknown>, permissions: string[]) =>
        tablesDB.createRow({ databaseId, tableId, rowId: session.id, data, permissions, transactionId });
      // Appwrite keeps $createdAt/$updatedAt itself, except that an API key may set them: the booking was made then.
      // The booking row is staff-only (it holds the customer's contact details); its change signal is what the
      // customer and the therapist may read (booking-server's permissions.ts).
      await stage(
        TABLES.bookings,
        { ...session.booking, $createdAt: session.createdAt, $updatedAt: session.completedAt },
        [],
      );
      await stage(
        TABLES.bookingUpdates,
        {
          bookingId: session.id,
          status: session.booking.status,
          version: session.booking.version,
          updatedAt: session.completedAt,
        },
        customerAndTherapist,
      );
      // The commission record is made at confirmation (earnings count it on that day, not on the seed's day).
      await stage(
        TABLES.commissions,
        { ...session.commission, $createdAt: session.booking.confirmedAt, $updatedAt: session.commission.paidAt },
        [Permission.read(Role.user(therapistUserId))],
      );
      await stage(
        TABLES.ratings,
        { ...session.rating, $createdAt: session.rating.createdAt, $updatedAt: session.rating.createdAt },
        customerAndTherapist,
      );
      await tablesDB.updateTransaction({ transactionId, commit: true });
      committed = true;
    });
  } finally {
    if (!committed) await tablesDB.updateTransaction({ transactionId, rollback: true }).catch(() => undefined);
  }
}

async function createRowIfMissing(
  { tablesDB, databaseId }: Targets,
  tableId: TableId,
  rowId: string,
  data: Record<string, unknown>,
  permissions: string[] = [],
) {
  await ignoreConflict(() => tablesDB.createRow<Models.DefaultRow>({ databaseId, tableId, rowId, data, permissions }));
}

async function ensureUser(
  users: Users,
  userId: string,
  login: { email: string; password: string; name: string },
  labels: string[],
) {
  await ignoreConflict(() => users.create({ userId, email: login.email, password: login.password, name: login.name }));
  await users.updateLabels({ userId, labels });
}

async function ensureFile(storage: Storage, fileId: string, name: string, svg: string) {
  await ignoreConflict(() =>
    storage.createFile({
      bucketId: BUCKETS.therapistPhotos,
      fileId,
      file: InputFile.fromBuffer(Buffer.from(svg), name),
    }),
  );
}

async function ignoreConflict(fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppwriteException && err.code === 409) return;
    throw err;
  }
}
