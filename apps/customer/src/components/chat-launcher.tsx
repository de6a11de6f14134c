"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The floating "chat" button: opens the chat window (the guest's booking under way, or a new one from chat). */
export function ChatLauncher({ label }: { label: string }) {
  const pathname = usePathname();
  if (pathname.startsWith("/book") || pathname.startsWith("/chat")) return null;
  return (
    <Link
      href="/chat"
      className="fixed right-4 bottom-5 z-30 flex h-14 items-center gap-2 rounded-full bg-tenang-600 px-5 font-medium text-white shadow-lg shadow-tenang-900/20 hover:bg-tenang-700"
      data-testid="chat-launcher"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 fill-none stroke-current" strokeWidth="2">
        <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z" strokeLinejoin="round" />
      </svg>
      {label}
    </Link>
  );
}
