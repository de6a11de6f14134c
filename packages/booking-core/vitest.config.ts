import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    // The code under test is pure (no globals, no module state that tests change), so test files can share workers:
    // this keeps the whole run in a few seconds on 2 cores instead of ~20.
    isolate: false,
    // Times in tests are explicit instants; TZ=UTC makes sure nothing depends on the machine's zone by accident.
    env: { TZ: "UTC" },
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      exclude: ["src/**/*.test.ts"],
      reporter: ["text", "json-summary"],
      thresholds: {
        // The state machine is covered completely: every transition and every refusal.
        // A glob threshold is over the matched files together, so 100 % here means 100 % in each of them.
        "src/lifecycle/**/*.ts": { branches: 100, lines: 100, functions: 100, statements: 100 },
        lines: 95,
        branches: 90,
        functions: 95,
        statements: 95,
      },
    },
  },
});
