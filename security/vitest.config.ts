import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { e2eTestConfig } from "@tenang/testing/vitest-e2e";

export default defineConfig({
  resolve: {
    alias: {
      // The fuzz pass reads stored rows back through booking-server's row mappers (the apps' own boundary); the real
      // package throws outside React Server Components.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  // Every file starts its own local server and `next start` apps (some of them break things on purpose), so they run
  // one at a time like the other e2e suites. The fuzz pass and the lockout probes need more than the default minute.
  test: {
    ...e2eTestConfig,
    include: ["src/**/*.security.test.ts"],
    testTimeout: 300_000,
    env: { TZ: "UTC" },
  },
});
