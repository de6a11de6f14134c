import Link from "next/link";
import { buttonClassName } from "@tenang/ui/button";
import { EmptyState } from "@tenang/ui/empty-state";
import { getRequestMessages } from "@/i18n/request-locale";

export default async function NotFound() {
  const messages = await getRequestMessages();
  return (
    <div className="pt-6">
      <EmptyState
        title={messages.notFound.title}
        action={
          <Link href="/" className={buttonClassName()}>
            {messages.notFound.home}
          </Link>
        }
      />
    </div>
  );
}
