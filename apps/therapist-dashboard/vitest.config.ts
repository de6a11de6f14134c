import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests (colocated *.test.ts under src/) and integration tests against a fresh local server (test/); e2e/ has
// its own config.
export default defineConfig({
  resolve: {
    alias: {
      "@/": fileURLToPath(new URL("./src/", import.meta.url)),
      // The real package throws outside React Server Components; tests import server modules directly.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
  },
});
