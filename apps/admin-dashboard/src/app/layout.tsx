import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { DashboardFrame } from "@tenang/ui/dashboard-frame";
import { AdminNav } from "@/components/admin-nav";
import { getRequestLocale, getRequestMessages } from "@/i18n/request-locale";
import { getSignedInUser } from "@/server/app-server";
import "./globals.css";

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
  // The header only decides whether to offer "Sign out" and the navigation; if Appwrite is down the page itself
  // reports it (its error boundary cannot catch errors thrown here in the root layout).
  const user = await getSignedInUser().catch(() => null);
  return (
    <html lang={locale}>
      <body>
        <DashboardFrame
          locale={locale}
          product={messages.product}
          texts={{ language: messages.language, signOut: messages.signOut }}
          signedIn={user !== null}
          nav={<AdminNav />}
          width="wide"
        >
          {children}
        </DashboardFrame>
      </body>
    </html>
  );
}
