// The vitest settings every app's e2e/vitest.config.ts uses: one file at a time (each starts servers and a browser).
// Plain JS because vitest loads config files with Node's own loader, which does not read TypeScript.
export const e2eTestConfig = {
  include: ["e2e/**/*.e2e.test.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  fileParallelism: false,
  pool: "forks",
  // expect.poll waits 1 s by default; a first request to a cold `next start` (sign-in, a page's first render) can
  // take longer on a busy 2-core machine. A poll still fails fast on a wrong value once this runs out.
  expect: { poll: { timeout: 15_000, interval: 100 } },
};
