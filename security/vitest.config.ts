import { defineConfig } from "vitest/config";
import { e2eTestConfig } from "@tenang/testing/vitest-e2e";

export default defineConfig({
  // Every file starts its own local server and `next start` apps (some of them break things on purpose), so they run
  // one at a time like the other e2e suites. The fuzz pass and the lockout probes need more than the default minute.
  test: {
    ...e2eTestConfig,
    include: ["src/**/*.security.test.ts"],
    testTimeout: 180_000,
    env: { TZ: "UTC" },
  },
});
