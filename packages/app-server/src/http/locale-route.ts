import "server-only";
// POST /api/locale for every app that lets its reader pick a language: the same form post (works before hydration)
// or JSON, the same cookie, the same way back to the page it came from. Each app mounts it with its own route handling.
import { localeSchema } from "@tenang/booking-core/locale";
import { parseOrThrow } from "@tenang/booking-core/validation";
import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson, type RouteHandling } from "./handle-route";
import { readMultipartForm } from "./read-multipart";

export interface LocaleCookie {
  name: string;
  /** Seconds the choice is remembered. */
  maxAge: number;
}

// Only a path on this site: an absolute or protocol-relative URL here would make the route an open redirect.
const returnToSchema = z
  .string()
  .regex(/^\/(?![/\\])/)
  .max(2000)
  .catch("/");
const localeFormSchema = z.object({ locale: localeSchema, returnTo: returnToSchema.optional() });

/** The page the form was on: the Referer's path, when the Referer is this site. */
function refererPath(request: Request): string {
  const referer = request.headers.get("referer");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    const url = new URL(referer ?? "");
    return url.host === host ? `${url.pathname}${url.search}` : "/";
  } catch {
    return "/";
  }
}

/** The POST handler of an app's /api/locale: sets the locale cookie, then redirects a form post back (303). */
export function createLocaleRoute(
  { handleRoute, requestLocale }: Pick<RouteHandling, "handleRoute" | "requestLocale">,
  cookie: LocaleCookie,
) {
  return handleRoute(async (request) => {
    const isForm = (request.headers.get("content-type") ?? "").includes("form");
    // Both readers cap the body (a language choice is a few bytes) and answer 400 for a body that is neither.
    const raw: unknown = isForm ? Object.fromEntries(await readMultipartForm(request)) : await readJson(request);
    const parsed = parseOrThrow(localeFormSchema, raw, requestLocale(request));
    const { locale } = parsed;
    const returnTo = returnToSchema.parse(parsed.returnTo ?? refererPath(request));
    // 303: the browser follows a form post with a GET of the page it came from. A relative Location keeps the
    // reader on whatever host they used, proxy or not.
    const response = isForm
      ? new NextResponse(null, { status: 303, headers: { Location: returnTo } })
      : NextResponse.json({ locale });
    response.cookies.set({ name: cookie.name, value: locale, sameSite: "lax", path: "/", maxAge: cookie.maxAge });
    return response;
  });
}
