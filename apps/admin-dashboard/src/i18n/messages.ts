// Every piece of UI text lives here, keyed by locale, so Bahasa Indonesia is a second object rather than a hunt
// through components. Only English exists so far; `getMessages` is the single switch point.
export type Locale = "en" | "id";
export const DEFAULT_LOCALE: Locale = "en";

const en = {
  meta: { title: "Tenang operations", description: "Therapists, spas, bookings and commissions." },
  product: "Admin",
  login: {
    title: "Sign in",
    intro: "Operations staff only.",
    email: "Email",
    password: "Password",
    submit: "Sign in",
    submitting: "Signing in…",
    emailInvalid: "Enter a valid email address.",
    passwordRequired: "Enter your password.",
    errors: {
      // Keyed by the error code POST /api/auth/login answers with.
      unauthorized: "That email and password don't match.",
      forbidden: "This account doesn't have operations access.",
      rate_limited: "Too many attempts. Please wait a minute and try again.",
      validation_failed: "Please check your email and password.",
      service_unavailable: "We can't reach the booking service right now. Please try again shortly.",
      fallback: "Something went wrong. Please try again.",
    } as Record<string, string>,
  },
  signOut: "Sign out",
  home: {
    title: "Overview",
    greeting: (name: string) => `Signed in as ${name}`,
    therapists: "Therapists",
    onlineTherapists: "Online now",
    onlineHint: (total: number) => `of ${total.toLocaleString("en")} therapists`,
    places: "Spas",
    bookings: "Bookings",
    bookingsHint: "all time",
  },
  error: {
    title: "We couldn't load this page",
    body: "The connection may have dropped. Please try again in a moment.",
    retry: "Try again",
  },
  notFound: { title: "We couldn't find that page", home: "Back to overview" },
};

export type Messages = typeof en;

const byLocale: Record<Locale, Messages> = { en, id: en };

export function getMessages(locale: Locale = DEFAULT_LOCALE): Messages {
  return byLocale[locale];
}
