"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A sideways-scrolling row that brings its selected chip (`aria-current="page"`) into view, so "Jimbaran" is not
 * chosen off-screen on a 390 px phone. Only the row scrolls, never the page.
 */
export function ChipScroller({
  selectedKey,
  label,
  children,
}: {
  selectedKey: string;
  label: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const row = ref.current;
    const selected = row?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!row || !selected) return;
    const target = selected.offsetLeft - (row.clientWidth - selected.offsetWidth) / 2;
    row.scrollTo({ left: Math.max(0, target), behavior: "smooth" });
  }, [selectedKey]);

  return (
    <nav ref={ref} aria-label={label} className="relative -mx-4 overflow-x-auto px-4 [scrollbar-width:none]">
      {children}
    </nav>
  );
}
