// Every API route of the three apps, read from the route files themselves: a new route.ts (or a new method in one)
// shows up here without anyone listing it, so the matrix and the fuzz pass cannot silently miss it.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AppName } from "@tenang/testing/next-app";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export const APPS: readonly AppName[] = ["customer", "therapist-dashboard", "admin-dashboard"];
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface RouteFile {
  app: AppName;
  /** e.g. apps/customer/src/app/api/bookings/[id]/route.ts */
  file: string;
  /** e.g. /api/bookings/[id] */
  pattern: string;
  /** The dynamic segments, in order: ["id"], ["id", "fileId"]. */
  params: string[];
  methods: HttpMethod[];
}

/** `app route.method`, the key of the matrix's table, e.g. "customer GET /api/bookings/[id]". */
export const routeKey = (app: AppName, method: string, pattern: string) => `${app} ${method} ${pattern}`;

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.name === "route.ts" || entry.name === "route.tsx" ? [full] : [];
  });
}

// `export const POST = …`, `export async function GET(…)`, `export function GET(…)`, `export { GET, POST }`.
const EXPORT_PATTERNS = [
  /export\s+(?:const|let|var)\s+([A-Z]+)\s*=/g,
  /export\s+(?:async\s+)?function\s+([A-Z]+)\s*\(/g,
];

function exportedMethods(source: string): HttpMethod[] {
  const names = new Set<string>();
  for (const pattern of EXPORT_PATTERNS) for (const match of source.matchAll(pattern)) names.add(match[1]!);
  for (const block of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const item of block[1]!.split(","))
      names.add(
        item
          .trim()
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      );
  }
  return HTTP_METHODS.filter((method) => names.has(method));
}

export function listRouteFiles(): RouteFile[] {
  return APPS.flatMap((app) => {
    const apiDir = path.join(repoRoot, "apps", app, "src", "app");
    return walk(apiDir).map((full) => {
      const relative = path.relative(apiDir, path.dirname(full)).split(path.sep);
      // Route groups "(dashboard)" are not part of the URL.
      const segments = relative.filter((s) => !(s.startsWith("(") && s.endsWith(")")));
      const params = segments.filter((s) => s.startsWith("[")).map((s) => s.replace(/^\[+\.{0,3}|\]+$/g, ""));
      return {
        app,
        file: path.relative(repoRoot, full),
        pattern: `/${segments.join("/")}`,
        params,
        methods: exportedMethods(fs.readFileSync(full, "utf8")),
      };
    });
  });
}

/** The dynamic pages (page.tsx under a [param] folder), for the bad-encoding probe. */
export function listDynamicPages(): { app: AppName; pattern: string; params: string[] }[] {
  const pages = (dir: string): string[] =>
    !fs.existsSync(dir)
      ? []
      : fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) return pages(full);
          return entry.name === "page.tsx" ? [full] : [];
        });
  return APPS.flatMap((app) => {
    const appDir = path.join(repoRoot, "apps", app, "src", "app");
    return pages(appDir)
      .map((full) => path.relative(appDir, path.dirname(full)).split(path.sep))
      .filter((segments) => segments.some((s) => s.startsWith("[")))
      .map((segments) => {
        const url = segments.filter((s) => !(s.startsWith("(") && s.endsWith(")")));
        return {
          app,
          pattern: `/${url.join("/")}`,
          params: url.filter((s) => s.startsWith("[")).map((s) => s.slice(1, -1)),
        };
      });
  });
}

/** Fills a pattern's [params] in order; values are inserted as given (already encoded, or deliberately not). */
export function fillPattern(pattern: string, values: readonly string[]): string {
  let i = 0;
  return pattern.replace(/\[[^\]]+\]/g, () => values[i++] ?? values[values.length - 1] ?? "x");
}
