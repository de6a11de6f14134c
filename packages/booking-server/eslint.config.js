import base from "@tenang/eslint-config/base";

// Configuration is passed in (createBookingServerContext); nothing in src/ reads the environment.
export default [
  ...base,
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "process", message: "booking-server takes its configuration as arguments." },
      ],
    },
  },
  {
    // Colocated tests run against the local server and may use the test kit; the code that ships may not.
    files: ["src/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@tenang/appwrite-local", "@tenang/testing", "@tenang/testing/*"], message: "test-only." },
          ],
        },
      ],
    },
  },
];
