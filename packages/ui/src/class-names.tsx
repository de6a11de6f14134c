// cx for apps: the package exports `./*.tsx` only, so this re-export is how an app reaches the one class joiner.
export { cx } from "./cx";
