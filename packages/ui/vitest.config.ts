import { defineConfig } from "vitest/config";

// Component tests (colocated *.test.tsx) render into happy-dom: a DOM fast enough for every `pnpm test`, with the
// dialog element ChatPhoto opens. Globals stay off; the cleanup between tests is in the setup file.
export default defineConfig({
  test: {
    include: ["src/**/*.test.{ts,tsx}"],
    environment: "happy-dom",
    setupFiles: ["./vitest.setup.ts"],
  },
});
