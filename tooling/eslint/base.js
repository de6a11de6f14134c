// The one lint setup every package extends. Two type-aware rules only (floating and misused promises: a missed
// `await` is a real bug that tsc does not report); the rest stays syntactic so lint stays fast on 2 cores, and
// `tsc --noEmit` (the typecheck task) is where types are checked.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { layering } from "./layering.js";

export default tseslint.config(
  {
    ignores: ["**/dist/**", "**/.next/**", "**/.next-*/**", "**/coverage/**", "**/node_modules/**", "**/next-env.d.ts"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  {
    // The project service finds each file's nearest tsconfig.json (the package's, or e2e/tsconfig.json in an app),
    // so lint sees the same types as `tsc`. `eslint .` runs in the package directory.
    files: ["**/*.{ts,tsx,mts,cts}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: process.cwd() } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
  ...layering(process.cwd()),
);
