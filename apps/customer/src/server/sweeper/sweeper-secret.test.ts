import { describe, expect, it, vi } from "vitest";

vi.mock("@/env", () => ({ env: { SWEEPER_SECRET: "a-long-random-sweeper-secret" } }));

const { requireSweeperSecret } = await import("./sweeper-secret");

const request = (secret?: string) =>
  new Request("http://localhost/api/internal/sweep", {
    method: "POST",
    headers: secret === undefined ? {} : { "x-sweeper-secret": secret },
  });

describe("requireSweeperSecret", () => {
  it("lets the right secret through", () => {
    expect(() => requireSweeperSecret(request("a-long-random-sweeper-secret"))).not.toThrow();
  });

  it.each([undefined, "", "a-long-random-sweeper-secreT", "a-long-random-sweeper-secret-and-more"])(
    "refuses %j as unauthorized",
    (secret) => {
      expect(() => requireSweeperSecret(request(secret))).toThrow(expect.objectContaining({ code: "unauthorized" }));
    },
  );
});
