"use client";

import { Button } from "@tenang/ui/button";
import { EmptyState } from "@tenang/ui/empty-state";
import { Component, type ErrorInfo, type ReactNode } from "react";
import type { Messages } from "@/i18n/messages";

interface Props {
  messages: Messages;
  children: ReactNode;
}

/**
 * Keeps a rendering bug in the chat from blanking the page. The booking itself lives on the server, so "Reload chat"
 * (a full reload) picks it up exactly where it is.
 */
export class ChatErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error("[chat] render failed:", error, info.componentStack);
  }

  override render() {
    const m = this.props.messages;
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="pt-6" data-testid="chat-error">
        <EmptyState
          title={m.chat.boundary.title}
          description={m.chat.boundary.body}
          action={<Button onClick={() => window.location.reload()}>{m.chat.boundary.reload}</Button>}
        />
      </div>
    );
  }
}
