import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AppShell } from "@tenang/ui/app-shell";
import { LanguageSwitch } from "@tenang/ui/language-switch";
import { SignOutButton } from "@/components/sign-out-button";
import { LocaleProvider } from "@/i18n/locale-context";
import { getRequestLocale, getRequestMessages } from "@/i18n/request-locale";
import "./globals.css";
import { getSignedInUser } from "@/server/app-server";

// Every page depends on the session cookie.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const messages = await getRequestMessages();
  return {
    title: { default: messages.meta.title, template: "%s · Tenang" },
    description: messages.meta.description,
    robots: { index: false, follow: false },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#fbf9f6" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getRequestLocale();
  const messages = await getRequestMessages();
  // The header only decides whether to offer "Sign out"; if Appwrite is down the page itself reports it (its
  // error boundary cannot catch errors thrown here in the root layout).
  const user = await getSignedInUser().catch(() => null);
  return (
    <html lang={locale}>
      <body>
        <LocaleProvider locale={locale}>
          <AppShell
            product={messages.product}
            actions={
              <>
                <LanguageSwitch locale={locale} labels={messages.language} />
                {user && <SignOutButton label={messages.signOut} />}
              </>
            }
          >
            {children}
          </AppShell>
        </LocaleProvider>
      </body>
    </html>
  );
}
