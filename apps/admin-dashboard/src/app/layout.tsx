import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AppShell } from "@tenang/ui/app-shell";
import { SignOutButton } from "@/components/sign-out-button";
import { getMessages } from "@/i18n/messages";
import { getSignedInUser } from "@/server/auth/get-signed-in-user";
import "./globals.css";

const messages = getMessages();

// Every page depends on the session cookie.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: messages.meta.title, template: "%s · Tenang" },
  description: messages.meta.description,
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#fbf9f6" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The header only decides whether to offer "Sign out"; if Appwrite is down the page itself reports it (its
  // error boundary cannot catch errors thrown here in the root layout).
  const user = await getSignedInUser().catch(() => null);
  return (
    <html lang="en">
      <body>
        <AppShell
          width="wide"
          product={messages.product}
          actions={user ? <SignOutButton label={messages.signOut} /> : undefined}
        >
          {children}
        </AppShell>
      </body>
    </html>
  );
}
