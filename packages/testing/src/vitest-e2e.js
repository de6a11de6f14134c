// The vitest settings every app's e2e/vitest.config.ts uses: one file at a time (each starts servers and a browser).
// Plain JS because vitest loads config files with Node's own loader, which does not read TypeScript.
export const e2eTestConfig = {
  include: ["e2e/**/*.e2e.test.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  fileParallelism: false,
  pool: "forks",
};
