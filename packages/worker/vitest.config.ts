import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      // The real package throws outside React Server Components; the tests import the engine directly (the worker
      // processes they start run with --conditions=react-server instead, see bin/tenang-worker.js).
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 180_000,
    hookTimeout: 60_000,
    env: { TZ: "UTC" },
  },
});
