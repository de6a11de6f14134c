// Lists every file a Next production build serves to the browser (<build folder>/static), to scan for leaked secrets.
import fs from "node:fs";
import path from "node:path";
import { nextDistDir } from "./next-app.ts";

export function clientAssetFiles(appDir: string): string[] {
  const root = path.join(appDir, nextDistDir(), "static");
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(root);
  return out;
}

/** Files under the build's static folder whose bytes contain any of `needles`. */
export function assetsContaining(appDir: string, needles: string[]): string[] {
  return clientAssetFiles(appDir).filter((file) => {
    const text = fs.readFileSync(file).toString("latin1");
    return needles.some((n) => text.includes(n));
  });
}
