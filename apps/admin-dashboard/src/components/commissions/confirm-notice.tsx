"use client";

// The outcome of the last "Confirm payment", kept above the list: the row it came from moves to "paid" (or was
// already there), so the button that caused it is gone by the time the reader looks for a message.
import { createContext, useContext, useState, type ReactNode } from "react";
import { Alert } from "@tenang/ui/alert";

export interface ConfirmNotice {
  tone: "info" | "error";
  text: string;
  commissionId: string;
}

const NoticeContext = createContext<{ notice: ConfirmNotice | null; show: (notice: ConfirmNotice) => void }>({
  notice: null,
  show: () => {},
});

export function ConfirmNoticeProvider({ children }: { children: ReactNode }) {
  const [notice, show] = useState<ConfirmNotice | null>(null);
  return <NoticeContext value={{ notice, show }}>{children}</NoticeContext>;
}

export function useShowConfirmNotice(): (notice: ConfirmNotice) => void {
  return useContext(NoticeContext).show;
}

export function ConfirmNoticeBanner() {
  const { notice } = useContext(NoticeContext);
  if (!notice) return null;
  return (
    <Alert tone={notice.tone} data-testid="confirm-notice" data-commission-id={notice.commissionId}>
      {notice.text}
    </Alert>
  );
}
