// The e2e sweeper: calls the customer app's protected sweep route on an interval, like `pnpm dev` does,
// so declined or expired offers move on with no browser involved.
export const E2E_SWEEPER_SECRET = "e2e-sweeper-secret";

export function startSweeper(customerAppUrl: string, opts: { intervalMs?: number; secret?: string } = {}) {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      await fetch(`${customerAppUrl}/api/internal/sweep`, {
        method: "POST",
        headers: { "x-sweeper-secret": opts.secret ?? E2E_SWEEPER_SECRET },
      });
    } catch {
      // the app is shutting down
    }
  };
  const timer = setInterval(() => {
    if (!stopped) running = tick();
  }, opts.intervalMs ?? 500);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
