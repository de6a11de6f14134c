import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginPage as SharedLoginPage } from "@tenang/ui/login-page";
import { LoginForm } from "@/components/login-form";
import { getRequestMessages } from "@/i18n/request-locale";
import { getSignedInUser } from "@/server/app-server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getRequestMessages()).login.title };
}

export default async function LoginPage() {
  const messages = await getRequestMessages();
  if (await getSignedInUser()) redirect("/");
  return (
    <SharedLoginPage title={messages.login.title} intro={messages.login.intro}>
      <LoginForm />
    </SharedLoginPage>
  );
}
