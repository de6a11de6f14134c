// For packages that must stay framework-free (booking-core): lint refuses imports of UI, server or backend code.
import base from "./base.js";

export default [
  ...base,
  {
    files: ["**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*"], message: "booking-core is pure: no Next.js." },
            { group: ["react", "react-dom", "react/*"], message: "booking-core is pure: no React." },
            { group: ["node-appwrite", "appwrite"], message: "booking-core is pure: no Appwrite SDK." },
            { group: ["node:*", "fs", "path", "http"], message: "booking-core is pure: no Node built-ins." },
            { group: ["@tenang/*"], message: "booking-core depends on no other package of ours." },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "process", message: "booking-core is pure: pass configuration in." }],
    },
  },
];
