import { defineConfig } from "vitest/config";
import { e2eTestConfig } from "@tenang/testing/vitest-e2e";

export default defineConfig({
  // The specs live next to their helpers in src/, not in an e2e/ folder (this whole package is the e2e suite).
  test: { ...e2eTestConfig, include: ["src/**/*.e2e.test.ts"], env: { TZ: "UTC" } },
});
