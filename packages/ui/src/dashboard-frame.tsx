import type { Locale } from "@tenang/booking-core/locale";
import type { ReactNode } from "react";
import { AppShell } from "./app-shell";
import { LanguageSwitch, type LanguageSwitchLabels } from "./language-switch";
import { LocaleProvider } from "./locale-context";
import { SignOutButton } from "./sign-out-button";

export interface DashboardFrameProps {
  /** The page's language (the root layout reads it on the server), provided to client components too. */
  locale: Locale;
  /** Small text after the wordmark ("Admin", "Therapist"). */
  product: string;
  texts: { language: LanguageSwitchLabels; signOut: string };
  /** Whether someone is signed in: only then the header offers "Sign out" and the navigation shows. */
  signedIn: boolean;
  /** The app's section navigation, above every page of a signed-in person. */
  nav?: ReactNode;
  width?: "narrow" | "wide";
  children: ReactNode;
}

/** A dashboard's frame inside its root layout's body: header (language, sign-out), navigation, the page. */
export function DashboardFrame({ locale, product, texts, signedIn, nav, width, children }: DashboardFrameProps) {
  return (
    <LocaleProvider locale={locale}>
      <AppShell
        width={width}
        product={product}
        actions={
          <>
            <LanguageSwitch locale={locale} labels={texts.language} />
            {signedIn && <SignOutButton label={texts.signOut} />}
          </>
        }
      >
        {signedIn && nav}
        {children}
      </AppShell>
    </LocaleProvider>
  );
}
