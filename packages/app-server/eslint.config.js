import base from "@tenang/eslint-config/base";

// Configuration is passed in by each app (its src/env.ts); nothing in src/ reads the environment.
export default [
  ...base,
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "process", message: "app-server takes its configuration as arguments." },
      ],
    },
  },
  {
    // bin/ holds the plain-Node production server (serve.mjs); it reads its own few variables from the environment.
    files: ["bin/**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", setTimeout: "readonly" } },
  },
];
