// Finding 6 (issue 9): a declared body past the largest any route takes is answered 413 by the production server
// before Next runs, and the rest is dropped so the client reads the answer (the end-to-end proof is the security
// suite's bad-input test, under the real start path).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyCeiling as routeBodyCeiling, DRAIN_LIMIT_BYTES as ROUTE_DRAIN_LIMIT } from "../src/http/read-body";
import {
  BODY_CEILING_BYTES,
  bodyCeiling,
  declaresTooLargeBody,
  DRAIN_LIMIT_BYTES,
  payloadTooLargeBody,
  refuseTooLargeBody,
} from "./body-limit.mjs";

describe("the body ceiling", () => {
  it("is the same as the route helpers' (this file cannot import them)", () => {
    for (const type of [undefined, "application/json", "text/plain", "multipart/form-data; boundary=x"]) {
      expect(bodyCeiling(type)).toBe(routeBodyCeiling(type ?? null));
    }
    expect(DRAIN_LIMIT_BYTES).toBe(ROUTE_DRAIN_LIMIT);
  });

  it("refuses a declared length past the ceiling of its kind, and nothing chunked", () => {
    const req = (headers: http.IncomingHttpHeaders, method = "POST") => ({ method, headers });
    expect(declaresTooLargeBody(req({ "content-length": String(BODY_CEILING_BYTES.json) }))).toBe(false);
    expect(declaresTooLargeBody(req({ "content-length": String(BODY_CEILING_BYTES.json + 1) }))).toBe(true);
    expect(declaresTooLargeBody(req({ "content-length": "2097152", "content-type": "application/json" }))).toBe(true);
    const upload = "multipart/form-data; boundary=x";
    expect(declaresTooLargeBody(req({ "content-length": "2097152", "content-type": upload }))).toBe(false);
    expect(declaresTooLargeBody(req({ "content-length": String(11 * 1024 * 1024), "content-type": upload }))).toBe(
      true,
    );
    expect(declaresTooLargeBody(req({ "transfer-encoding": "chunked" }))).toBe(false);
    expect(declaresTooLargeBody(req({ "content-length": "0" }, "GET"))).toBe(false);
  });

  it("words the 413 like every route's errors, in the caller's language", () => {
    expect(JSON.parse(payloadTooLargeBody("id-ID,id;q=0.9"))).toEqual({
      error: { code: "payload_too_large", message: "Permintaan itu terlalu besar." },
    });
    expect(JSON.parse(payloadTooLargeBody(undefined)).error.message).toBe("That request is too large.");
  });
});

// Before: the refusal destroyed the socket while the client was still sending, and the client read ECONNRESET.
describe("refuseTooLargeBody on a real socket", () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (declaresTooLargeBody(req)) return refuseTooLargeBody(req, res);
      req.resume();
      req.on("end", () => res.end("ok"));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Sends `body` with its Content-Length; resolves with the answer, rejects on a socket error before it. */
  function post(body: Buffer, agent: http.Agent) {
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(`${url}/api/x`, {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": String(body.length) },
      });
      req.on("response", (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on("error", reject);
      req.end(body);
    });
  }

  it("answers 413 to a client still sending, every time, and the connection stays usable", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const big = Buffer.alloc(2 * 1024 * 1024, 0x61);
    for (let i = 0; i < 10; i += 1) {
      const answer = await post(big, agent);
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.text)).toMatchObject({ error: { code: "payload_too_large" } });
    }
    expect(await post(Buffer.from("{}"), agent)).toEqual({ status: 200, text: "ok" });
    agent.destroy();
  });
});
