import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AppShell } from "@tenang/ui/app-shell";
import { LanguageSwitch } from "@tenang/ui/language-switch";
import { ChatLauncher } from "@/components/chat-launcher";
import { Providers } from "@/components/providers";
import { getMessages } from "@/i18n/messages";
import { getRequestLocale } from "@/i18n/request-locale";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const messages = getMessages(await getRequestLocale());
  return {
    title: { default: messages.meta.title, template: "%s · Tenang" },
    description: messages.meta.description,
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#fbf9f6",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getRequestLocale();
  const messages = getMessages(locale);
  return (
    <html lang={locale}>
      <body>
        <Providers>
          <AppShell footer={messages.footer} actions={<LanguageSwitch locale={locale} labels={messages.language} />}>
            {children}
          </AppShell>
          <ChatLauncher label={messages.chat.open} />
        </Providers>
      </body>
    </html>
  );
}
