import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { e2eTestConfig } from "@tenang/testing/vitest-e2e";

export default defineConfig({
  resolve: {
    alias: {
      // The specs drive the booking engine directly (to seed what customers, therapists and the sweeper do); the real
      // package throws outside React Server Components.
      "server-only": fileURLToPath(new URL("../node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: { ...e2eTestConfig, env: { TZ: "UTC" } },
});
