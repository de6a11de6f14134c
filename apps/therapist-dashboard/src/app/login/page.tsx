import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@tenang/ui/card";
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
    <div className="mx-auto flex w-full max-w-sm flex-col gap-5 pt-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-sand-900">{messages.login.title}</h1>
        <p className="mt-1 text-sm text-sand-600">{messages.login.intro}</p>
      </div>
      <Card className="p-5">
        <LoginForm />
      </Card>
    </div>
  );
}
