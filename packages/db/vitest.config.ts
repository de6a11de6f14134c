import { defineConfig } from "vitest/config";

export default defineConfig({
  // Integration tests: a real server and ~200 SDK calls per schema apply, so slow machines need room.
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 60_000 },
});
