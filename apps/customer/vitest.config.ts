import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests only (colocated *.test.ts under src/); e2e/ has its own config.
export default defineConfig({
  resolve: {
    alias: {
      "@/": fileURLToPath(new URL("./src/", import.meta.url)),
      // The real package throws outside React Server Components; tests import server modules directly.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
