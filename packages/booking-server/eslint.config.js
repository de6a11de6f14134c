import base from "@tenang/eslint-config/base";

// Configuration is passed in (createBookingServerContext); nothing in src/ reads the environment. Which packages
// it may import (and that the test kit is for tests only) is the shared table in tooling/eslint/layering.js.
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
];
