#!/usr/bin/env node
// Fails when the package lint runs in (the working directory) has an import cycle in src/. Part of every package's
// `lint` script, so turbo and scripts/test-all.sh run it. Packages of ours are not followed: the layering table
// (layering.js) already keeps arrows between packages one-way, so a cycle can only close inside one package.
// Type-only imports count too: a cycle of types is still two modules that cannot be understood apart.
import { existsSync, readFileSync } from "node:fs";
import madge from "madge";

/**
 * Cycles known and being removed; each entry says why and when it goes. Key: package name, value: cycle paths.
 * Empty since booking-core's money.ts was split (issue 10 §4).
 */
const allowed = {};

const name = JSON.parse(readFileSync("package.json", "utf8")).name;
if (!existsSync("src")) process.exit(0);

const graph = await madge("src", {
  fileExtensions: ["ts", "tsx", "js", "mjs"],
  tsConfig: existsSync("tsconfig.json") ? "tsconfig.json" : undefined,
  excludeRegExp: [/\.d\.ts$/],
});
const known = new Set(allowed[name] ?? []);
const found = graph.circular().map((cycle) => cycle.join(" > "));
const unexpected = found.filter((cycle) => !known.has(cycle));
for (const stale of [...known].filter((cycle) => !found.includes(cycle))) {
  console.warn(
    `check-cycles: ${name}: allowed cycle no longer found, remove it from tooling/eslint/check-cycles.js: ${stale}`,
  );
}
if (unexpected.length > 0) {
  console.error(`check-cycles: ${name} has ${unexpected.length} import cycle(s) in src/:`);
  for (const cycle of unexpected) console.error(`  ${cycle}`);
  process.exit(1);
}
