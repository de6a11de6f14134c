// Reading the outcome of a race run with Promise.allSettled, so a test can state its winners and losers as one list.

/** The DomainError code a racer was refused with, or "ok" for one that went through. */
export const codeOf = (r: PromiseSettledResult<unknown>) =>
  r.status === "rejected" ? (r.reason as { code?: string }).code : "ok";
