// pnpm db:setup [--seed] – apply the schema (idempotent) and, with --seed, load demo data into an empty database.
// Targets APPWRITE_ENDPOINT / APPWRITE_PROJECT_ID / APPWRITE_API_KEY, defaulting to the local server.
import { readDbEnv } from "../env.ts";
import { createAdminClients } from "../clients.ts";
import { applySchema } from "../apply-schema.ts";
import { moveBookingReadsToSignals } from "../migrations/booking-reads-to-signals.ts";
import { buckets, tables } from "../schema.ts";
import { isEmpty, seedDemo } from "../seed/seed-demo.ts";

const env = readDbEnv(process.env);
const clients = createAdminClients(env);
const targets = { ...clients, databaseId: env.databaseId };

const report = await applySchema(targets, { tables, buckets });
const changes = report.created.length + report.updated.length;
console.log(
  changes === 0
    ? `[db] schema up to date at ${env.endpoint}`
    : `[db] schema applied at ${env.endpoint}: ${report.created.length} created, ${report.updated.length} updated`,
);

const moved = await moveBookingReadsToSignals(targets);
if (moved > 0) console.log(`[db] ${moved} bookings made staff-only, their readers moved to booking_updates`);

if (process.argv.includes("--seed")) {
  if (await isEmpty(targets)) {
    const seeded = await seedDemo(targets);
    console.log(`[db] demo data loaded: ${seeded.therapists} therapists, ${seeded.places} spas`);
  } else {
    console.log("[db] database has data; demo seed skipped");
  }
}
