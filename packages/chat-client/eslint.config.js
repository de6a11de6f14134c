import base from "@tenang/eslint-config/base";

// src/ ships to browsers: no Node built-ins, no server SDK, nothing test-only. Tests (colocated *.test.ts and
// test/) run in Node against the local server and may use all of these.
const serverOnly = [
  { group: ["node-appwrite", "node-appwrite/*"], message: "chat-client is browser code: use the appwrite web SDK." },
  { group: ["node:*", "fs", "path", "http", "https", "net", "ws"], message: "chat-client is browser code." },
  // Packages of ours (the test kit included) are the shared table's job: tooling/eslint/layering.js.
  { group: ["msw", "msw/*"], message: "test-only." },
];
const frameworks = [
  {
    group: ["react", "react-dom", "react/*", "next", "next/*"],
    message: "chat-client is framework-free (React bindings live in src/react.ts only).",
  },
];

export default [
  ...base,
  {
    files: ["src/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...serverOnly, ...frameworks] }],
      "no-restricted-globals": [
        "error",
        { name: "process", message: "chat-client is browser code: pass configuration in." },
        { name: "Buffer", message: "chat-client is browser code." },
        { name: "require", message: "ESM only." },
      ],
    },
  },
  {
    // The one React entry (both apps' chat windows use it; react is a peer dependency): still browser code.
    files: ["src/react.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: serverOnly }] },
  },
];
