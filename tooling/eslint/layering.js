// The package layering of ARCHITECTURE.md as one table, applied to every package by base.js: a package's code may
// import only the packages of ours listed here, so an arrow pointing the wrong way fails lint instead of review.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const apps = ["app-server", "booking-core", "booking-server", "chat-client", "db", "ui"];

/** Package name → the packages of ours its shipping code may import. */
export const layers = {
  "@tenang/booking-core": [],
  "@tenang/chat-client": ["booking-core"],
  "@tenang/ui": ["booking-core"],
  "@tenang/booking-server": ["booking-core", "db"],
  "@tenang/app-server": ["booking-core", "booking-server"],
  "@tenang/db": ["booking-core"],
  "@tenang/appwrite-local": [],
  "@tenang/testing": ["appwrite-local", "booking-core", "db"],
  "@tenang/worker": ["app-server", "booking-core", "booking-server"],
  "@tenang/customer": apps,
  "@tenang/therapist-dashboard": apps,
  "@tenang/admin-dashboard": apps,
  "@tenang/e2e": ["booking-core", "booking-server", "db", "testing"],
  "@tenang/security": ["booking-core", "booking-server", "db", "testing"],
  // The backup benchmark times booking-server's export/import against the real schema.
  "@tenang/bench": ["appwrite-local", "booking-core", "booking-server", "db"],
};

// Tests run against a fresh local server, so they may also use the test kit and the schema/seed to set one up.
const testKit = ["appwrite-local", "db", "testing"];
const testFiles = ["**/*.test.{ts,tsx}", "test/**", "e2e/**"];

const restriction = (name, allowed) => [
  "error",
  {
    patterns: [
      {
        group: ["@tenang/*", ...allowed.flatMap((dep) => [`!@tenang/${dep}`, `!@tenang/${dep}/*`])],
        message: `${name} may import only ${allowed.join(", ") || "no package"} of ours (ARCHITECTURE.md, tooling/eslint/layering.js).`,
      },
    ],
  },
];

/**
 * Flat-config blocks for the package in `dir`. They use the typescript-eslint copy of no-restricted-imports: a
 * package's own `no-restricted-imports` (which replaces, not merges, earlier options) then cannot switch layering off.
 */
export function layering(dir) {
  const name = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name;
  if (name === "@tenang/eslint-config") return [];
  const allowed = layers[name];
  if (!allowed)
    throw new Error(`${name} is not in tooling/eslint/layering.js: add it with the packages it may import.`);
  const inTests = [...new Set([...allowed, ...testKit])].filter((dep) => `@tenang/${dep}` !== name).sort();
  return [
    {
      files: ["**/*.{ts,tsx,mts,cts,js,mjs}"],
      ignores: [...testFiles, "eslint.config.js"],
      rules: { "@typescript-eslint/no-restricted-imports": restriction(name, allowed) },
    },
    {
      files: testFiles,
      rules: { "@typescript-eslint/no-restricted-imports": restriction(`${name} (tests)`, inTests) },
    },
  ];
}
