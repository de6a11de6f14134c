// For the Next.js apps: hooks rules, and process.env only in the one env module (src/env.ts).
import reactHooks from "eslint-plugin-react-hooks";
import base from "./base.js";

export default [
  ...base,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/env.ts", "**/*.test.ts", "**/e2e/**"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through src/env.ts." },
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node-appwrite"],
              importNames: ["Client"],
              message: "Use the app kit (src/server/app-server.ts).",
            },
          ],
        },
      ],
    },
  },
];
