// What a screen showed, and when, as the browser saw it: every click on an element with a data-testid, and every
// element of WATCHED becoming visible or leaving the screen, stamped with the browser's Date.now() in the
// MutationObserver callback of the change (before the next paint).
// The browsers run on this machine, so those stamps and the test's own Date.now() share one clock; a latency
// measured from them (a tap on one screen → a card on another) is not inflated by Playwright's polling.
import type { BrowserContext, Page } from "playwright-core";

/** The elements whose comings and goings are logged, with the attributes that name them. */
const WATCHED = ["offer-card", "offer-gone", "therapist-card", "search-panel", "reset-notice", "booking-detail"];
const KEYS = ["data-booking-id", "data-offer-id", "data-status", "data-state"];

export interface ScreenEvent {
  type: "click" | "shown" | "removed";
  testId: string;
  attrs: Record<string, string>;
  at: number;
}

interface ScreenLogWindow {
  __screenLog?: ScreenEvent[];
}

/** Logs every page of `context` from its first byte (an init script, so navigations keep logging). */
export async function recordScreen(context: BrowserContext): Promise<void> {
  await context.addInitScript(
    ({ watched, keys }) => {
      const log: ScreenEvent[] = [];
      (window as unknown as ScreenLogWindow).__screenLog = log;
      const attrsOf = (el: Element) => {
        const attrs: Record<string, string> = {};
        for (const key of keys) {
          const value = el.getAttribute(key);
          if (value !== null) attrs[key.replace(/^data-/, "")] = value;
        }
        return attrs;
      };
      const selector = watched.map((id) => `[data-testid="${id}"]`).join(",");
      let present = new Map<Element, string>();
      const scan = () => {
        const at = Date.now();
        const next = new Map<Element, string>();
        for (const el of document.querySelectorAll(selector)) {
          if (!el.checkVisibility()) continue;
          const testId = el.getAttribute("data-testid") ?? "";
          const attrs = attrsOf(el);
          const signature = JSON.stringify([testId, attrs]);
          next.set(el, signature);
          if (present.get(el) !== signature) log.push({ type: "shown", testId, attrs, at });
        }
        for (const [el, signature] of present) {
          if (!next.has(el)) {
            const [testId, attrs] = JSON.parse(signature) as [string, Record<string, string>];
            log.push({ type: "removed", testId, attrs, at });
          }
        }
        present = next;
      };
      new MutationObserver(scan).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        // class and style too: they can show or hide an element without adding or removing it.
        attributeFilter: [...keys, "class", "style", "hidden"],
      });
      // Capture phase: stamped before the app's own handler runs.
      document.addEventListener(
        "click",
        (event) => {
          const el = event.target instanceof Element ? event.target.closest("[data-testid]") : null;
          if (el)
            log.push({
              type: "click",
              testId: el.getAttribute("data-testid") ?? "",
              attrs: attrsOf(el),
              at: Date.now(),
            });
        },
        true,
      );
    },
    { watched: WATCHED, keys: KEYS },
  );
}

/** The page's log since it was last loaded. */
export async function screenLog(page: Page): Promise<ScreenEvent[]> {
  return page.evaluate(() => (window as unknown as ScreenLogWindow).__screenLog ?? []);
}

/** When the first event matching `match` was logged on `page`, waiting for it (up to `timeoutMs`). */
export async function whenLogged(
  page: Page,
  match: (event: ScreenEvent) => boolean,
  { timeoutMs = 15_000, what = "a screen event" } = {},
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await screenLog(page)).find(match);
    if (found) return found.at;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
