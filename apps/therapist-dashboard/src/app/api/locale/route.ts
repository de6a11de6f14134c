// POST /api/locale – remember the reader's language (anyone, signed in or not); a plain form post, so it works before hydration
import { DomainError } from "@tenang/booking-core/errors";
import { localeSchema } from "@tenang/booking-core/locale";
import { parseOrThrow } from "@tenang/booking-core/validation";
import { NextResponse } from "next/server";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "@/i18n/locale-cookie";
import { handleRoute, requestLocale } from "@/server/http/handle-route";

export const dynamic = "force-dynamic";

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

export const POST = handleRoute(async (request) => {
  const isForm = (request.headers.get("content-type") ?? "").includes("form");
  let raw: unknown;
  try {
    raw = isForm ? Object.fromEntries(await request.formData()) : await request.json();
  } catch {
    throw new DomainError("bad_request", "locale body is neither a form nor JSON");
  }
  const parsed = parseOrThrow(localeFormSchema, raw, requestLocale(request));
  const { locale } = parsed;
  const returnTo = returnToSchema.parse(parsed.returnTo ?? refererPath(request));
  // 303: the browser follows a form post with a GET of the page it came from. A relative Location keeps the
  // therapist on whatever host they used, proxy or not.
  const response = isForm
    ? new NextResponse(null, { status: 303, headers: { Location: returnTo } })
    : NextResponse.json({ locale });
  response.cookies.set({
    name: LOCALE_COOKIE,
    value: locale,
    sameSite: "lax",
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE,
  });
  return response;
});
