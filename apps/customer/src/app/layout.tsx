import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AppShell } from "@tenang/ui/app-shell";
import { getMessages } from "@/i18n/messages";
import "./globals.css";

const messages = getMessages();

export const metadata: Metadata = {
  title: { default: messages.meta.title, template: "%s · Tenang" },
  description: messages.meta.description,
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#fbf9f6",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <AppShell footer={messages.footer}>{children}</AppShell>
      </body>
    </html>
  );
}
