import pure from "@tenang/eslint-config/pure";

// tsconfig includes the DOM lib for the APIs browsers and Node share (AbortSignal, timers, crypto.randomUUID);
// these are the browser-only ones, refused here so the core stays runnable in a route handler and a simulator.
const browserOnly = ["window", "document", "localStorage", "sessionStorage", "navigator", "location", "alert"].map(
  (name) => ({ name, message: "booking-core is pure: no browser-only globals." }),
);

export default [
  ...pure,
  {
    files: ["**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "process", message: "booking-core is pure: pass configuration in." },
        ...browserOnly,
      ],
    },
  },
  {
    // Time is a parameter: domain code never reads the clock (tests may, to make fixtures).
    files: ["src/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "booking-core takes `now` as a parameter." },
        { object: "performance", property: "now", message: "booking-core takes `now` as a parameter." },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "booking-core takes `now` as a parameter.",
        },
      ],
    },
  },
];
