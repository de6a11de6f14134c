import { readdirSync } from "node:fs";
import { join } from "node:path";
import base from "@tenang/eslint-config/base";

// The folders of src/ in layers, lowest first: a folder may import only folders of lower layers (and the root files,
// context.ts, tables.ts, views.ts, which import no folder), so no arrow points back up and no two folders need each
// other. Folders of one layer do not import each other. A new folder gets its row here.
const FOLDER_LAYERS = [
  // Appwrite plumbing: write sets (transactions), the failures the engine reacts to.
  ["appwrite"],
  // What every domain reads: row helpers, permissions, lost races, rate limits, the bookings table.
  ["shared"],
  // One table, bucket or service each.
  ["places", "ratings", "files", "guests", "realtime", "sessions"],
  // Therapist rows and their hold lock (every change to a therapist row takes it).
  ["therapists"],
  ["notifications"],
  // Offers, chats and commission records, each with its own use cases.
  ["offers", "messages", "commissions"],
  // The booking engine and every booking change (create, decide, respond, progress, cancel, reassign, rate).
  ["bookings"],
  // Export/import of every table and the backup runs (it reads tables through the SDK, not through their folders),
  // below the admin page and the worker's jobs that will start it.
  ["backups"],
  // Use cases that read across bookings.
  ["discounts", "admin"],
  // What runs on a schedule: the worker's jobs, and the sweep (one pass of those jobs, for tests and "run now").
  ["jobs"],
  ["sweeper"],
];

const folderOf = new Map(FOLDER_LAYERS.flatMap((folders, layer) => folders.map((folder) => [folder, layer])));
const unlisted = readdirSync(join(import.meta.dirname, "src"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !folderOf.has(entry.name))
  .map((entry) => entry.name);
if (unlisted.length > 0) {
  throw new Error(`booking-server/eslint.config.js: put src/${unlisted.join(", src/")} in FOLDER_LAYERS.`);
}

/** no-restricted-imports for one folder (layer -1: the root files): every folder of its layer or above but itself. */
function folderRule(folder, layer) {
  const above = [...folderOf].filter(([other, l]) => other !== folder && l >= layer).map(([other]) => other);
  // The top layer alone has nothing above it (ESLint refuses an empty pattern group).
  if (above.length === 0) return "off";
  return [
    "error",
    {
      patterns: [
        {
          group: above.flatMap((other) => [`../${other}/*`, `./${other}/*`]),
          message: `${folder === "(root)" ? "src/*.ts import no folder" : `src/${folder} may import only folders below it`} (FOLDER_LAYERS in booking-server/eslint.config.js).`,
        },
      ],
    },
  ];
}

// Configuration is passed in (createBookingServerContext); nothing in src/ reads the environment. Which packages
// it may import (and that the test kit is for tests only) is the shared table in tooling/eslint/layering.js.
export default [
  ...base,
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "process", message: "booking-server takes its configuration as arguments." },
      ],
    },
  },
  {
    files: ["src/*.ts"],
    ignores: ["src/*.test.ts"],
    rules: { "no-restricted-imports": folderRule("(root)", -1) },
  },
  ...[...folderOf].map(([folder, layer]) => ({
    files: [`src/${folder}/**/*.ts`],
    ignores: ["src/**/*.test.ts"],
    rules: { "no-restricted-imports": folderRule(folder, layer) },
  })),
];
