import type { ReactNode } from "react";
import { Card } from "./card";

/** A dashboard's sign-in page: a heading, who it is for, and the app's sign-in form (see login-form) on a card. */
export function LoginPage({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <div className="mx-auto flex w-full max-w-sm flex-col gap-5 pt-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-sand-900">{title}</h1>
        <p className="mt-1 text-sm text-sand-600">{intro}</p>
      </div>
      <Card className="p-5">{children}</Card>
    </div>
  );
}
