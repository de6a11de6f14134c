import base from "@tenang/eslint-config/base";

// Only src/env.ts reads the environment; the rest takes it from there.
export default [
  ...base,
  {
    files: ["src/**/*.ts"],
    ignores: ["src/main.ts"],
    rules: {
      "no-restricted-globals": ["error", { name: "process", message: "read configuration in src/env.ts only." }],
    },
  },
];
