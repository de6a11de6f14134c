import Link from "next/link";
import { buttonClassName } from "@tenang/ui/button";
import { EmptyState } from "@tenang/ui/empty-state";
import { getMessages } from "@/i18n/messages";

export default function NotFound() {
  const messages = getMessages();
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
