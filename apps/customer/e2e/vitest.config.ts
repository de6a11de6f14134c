import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { e2eTestConfig } from "@tenang/testing/vitest-e2e";

export default defineConfig({
  resolve: {
    alias: {
      // The specs act as the therapist through booking-server's use cases, which import "server-only"; that package
      // throws outside React Server Components.
      "server-only": fileURLToPath(new URL("../node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: e2eTestConfig,
});
