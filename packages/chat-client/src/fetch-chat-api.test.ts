// The wire shapes createFetchChatApi sends and reads, with a recording fetchImpl. Against the real backend (routes
// standing in over the local Appwrite server) and with injected faults, see test/fetch-chat-api.test.ts.
import { describe, expect, it, vi } from "vitest";
import { isRetryableError } from "@tenang/booking-core/retry";
import { ApiError, RequestTimeoutError } from "./api-client";
import { chatImagePath, createFetchChatApi } from "./fetch-chat-api";

interface Recorded {
  url: string;
  init: RequestInit;
}

function recorder(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: Recorded[] = [];
  const fetchImpl = async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return respond(url, init);
  };
  return { calls, fetchImpl };
}

const wire = {
  id: "m1",
  bookingId: "b1",
  senderType: "customer",
  senderId: "c1",
  clientMessageId: "client-0001",
  createdAt: "2025-11-22T06:30:00.000Z",
  kind: "text",
  text: "hi",
  sequence: 3,
};

describe("requests", () => {
  it("lists with cursors and limit in the query string", async () => {
    const { calls, fetchImpl } = recorder(() => Response.json({ messages: [wire, { broken: true }], hasMore: true }));
    const api = createFetchChatApi("https://app.example/", fetchImpl);
    const page = await api.listMessages({ bookingId: "b 1", before: "m9", limit: 50 });
    expect(calls[0]?.url).toBe("https://app.example/api/bookings/b%201/messages?before=m9&limit=50");
    expect(calls[0]?.init.method).toBe("GET");
    expect(calls[0]?.init.credentials).toBe("same-origin");
    // The damaged message is left out; the rest is shown.
    expect(page).toEqual({ messages: [{ ...wire }], hasMore: true });
    await api.listMessages({ bookingId: "b1", after: "m2", limit: 10 });
    expect(calls[1]?.url).toBe("https://app.example/api/bookings/b1/messages?after=m2&limit=10");
  });

  it("sends with the clientMessageId as Idempotency-Key and the booking in the path", async () => {
    const { calls, fetchImpl } = recorder(() => Response.json({ message: wire }, { status: 201 }));
    const api = createFetchChatApi("", fetchImpl);
    const stored = await api.sendMessage({ bookingId: "b1", kind: "text", clientMessageId: "client-0001", text: "hi" });
    expect(stored).toEqual(wire);
    expect(calls[0]?.url).toBe("/api/bookings/b1/messages");
    expect(calls[0]?.init.method).toBe("POST");
    expect(calls[0]?.init.headers).toMatchObject({
      "Idempotency-Key": "client-0001",
      "content-type": "application/json",
    });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({
      kind: "text",
      clientMessageId: "client-0001",
      text: "hi",
    });
  });

  it("mints a realtime token", async () => {
    const token = {
      jwt: "a.b.c",
      expiresAt: "2025-11-22T06:45:00.000Z",
      endpoint: "https://aw.example/v1",
      projectId: "p",
      databaseId: "d",
    };
    const { calls, fetchImpl } = recorder(() => Response.json(token, { status: 201 }));
    expect(await createFetchChatApi("", fetchImpl).mintRealtimeToken()).toEqual(token);
    expect(calls[0]?.url).toBe("/api/realtime/token");
    expect(calls[0]?.init.method).toBe("POST");
  });

  it("searches with q and limit", async () => {
    const { calls, fetchImpl } = recorder(() => Response.json({ messages: [wire] }));
    const api = createFetchChatApi("", fetchImpl);
    expect(await api.searchMessages?.({ bookingId: "b1", query: "villa gate", limit: 20 })).toEqual([wire]);
    expect(calls[0]?.url).toBe("/api/bookings/b1/messages/search?q=villa+gate&limit=20");
  });
});

describe("photos", () => {
  const imageWire = { ...wire, kind: "image", imageFileId: "f1", text: null };

  it("uploads multipart with the clientMessageId as Idempotency-Key, and no JSON content-type", async () => {
    const { calls, fetchImpl } = recorder(() => Response.json({ message: imageWire }, { status: 201 }));
    const api = createFetchChatApi("", fetchImpl);
    const file = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: "image/png" });
    const stored = await api.sendImage?.({
      bookingId: "b 1",
      clientMessageId: "client-0001",
      file,
      fileName: "IMG_1.png",
      text: "gate",
    });
    expect(stored).toEqual(imageWire);
    expect(calls[0]?.url).toBe("/api/bookings/b%201/images");
    expect(calls[0]?.init.method).toBe("POST");
    expect(calls[0]?.init.headers).toMatchObject({ "Idempotency-Key": "client-0001" });
    expect(calls[0]?.init.headers).not.toHaveProperty("content-type");
    const form = calls[0]?.init.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(form.get("clientMessageId")).toBe("client-0001");
    expect(form.get("text")).toBe("gate");
    const sent = form.get("file") as File;
    expect(sent.name).toBe("IMG_1.png");
    expect(new Uint8Array(await sent.arrayBuffer())).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));

    await api.sendImage?.({ bookingId: "b1", clientMessageId: "client-0002", file, fileName: "x.png", text: null });
    expect((calls[1]?.init.body as FormData).has("text")).toBe(false);
  });

  it("gives uploads their own, longer timeout", async () => {
    vi.useFakeTimers();
    try {
      const { fetchImpl } = recorder(
        (_url, init) =>
          new Promise<Response>((_resolve, reject) =>
            init.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
          ),
      );
      const api = createFetchChatApi("", fetchImpl, { timeoutMs: 1_000, uploadTimeoutMs: 5_000 });
      const file = new Blob([new Uint8Array(4)]);
      let settled: unknown = null;
      const upload = api
        .sendImage?.({ bookingId: "b1", clientMessageId: "client-0001", file, fileName: "x", text: null })
        .catch((e: unknown) => (settled = e));
      await vi.advanceTimersByTimeAsync(1_500);
      expect(settled).toBeNull();
      await vi.advanceTimersByTimeAsync(4_000);
      await upload;
      expect(settled).toBeInstanceOf(RequestTimeoutError);
      expect(isRetryableError(settled)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("names the route a stored photo is read from", () => {
    expect(chatImagePath("b 1", "f/1")).toBe("/api/bookings/b%201/images/f%2F1");
  });
});

describe("errors", () => {
  it("carries the route's status, code, issues and Retry-After", async () => {
    const { fetchImpl } = recorder(() =>
      Response.json(
        { error: { code: "rate_limited", message: "Too many requests.", issues: [{ path: "text", message: "x" }] } },
        { status: 429, headers: { "Retry-After": "2" } },
      ),
    );
    const error = await createFetchChatApi("", fetchImpl)
      .listMessages({ bookingId: "b1", limit: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      code: "rate_limited",
      message: "Too many requests.",
      retryAfterMs: 2000,
    });
    expect((error as ApiError).issues).toHaveLength(1);
    expect(isRetryableError(error)).toBe(true);
  });

  it.each([
    { status: 400, retryable: false },
    { status: 401, retryable: false },
    { status: 403, retryable: false },
    { status: 422, retryable: false },
    { status: 500, retryable: true },
    { status: 502, retryable: true },
    { status: 503, retryable: true },
  ])("HTTP $status is retryable: $retryable", async ({ status, retryable }) => {
    const { fetchImpl } = recorder(() => new Response("<html>proxy</html>", { status }));
    const error = await createFetchChatApi("", fetchImpl)
      .mintRealtimeToken()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status, code: `http_${status}` });
    expect(isRetryableError(error)).toBe(retryable);
  });

  it("a body it cannot read is an error that is not retried", async () => {
    const { fetchImpl } = recorder(() => Response.json({ jwt: 1 }));
    const error = await createFetchChatApi("", fetchImpl)
      .mintRealtimeToken()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_response" });
    expect(isRetryableError(error)).toBe(false);
    const { fetchImpl: notJson } = recorder(() => new Response("ok"));
    expect(
      await createFetchChatApi("", notJson)
        .listMessages({ bookingId: "b", limit: 1 })
        .catch((e: unknown) => e),
    ).toMatchObject({ code: "invalid_response" });
  });

  it("a network failure passes through and is retryable", async () => {
    const api = createFetchChatApi("", () => Promise.reject(new TypeError("fetch failed")));
    const error = await api.listMessages({ bookingId: "b", limit: 1 }).catch((e: unknown) => e);
    expect(isRetryableError(error)).toBe(true);
  });

  it("a request that hangs times out with a retryable TimeoutError", async () => {
    const api = createFetchChatApi(
      "",
      (_url, init) =>
        new Promise((_, reject) => init.signal?.addEventListener("abort", () => reject(new Error("aborted")))),
      { timeoutMs: 20 },
    );
    const error = await api.listMessages({ bookingId: "b", limit: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "TimeoutError" });
    expect(isRetryableError(error)).toBe(true);
  });

  it("the caller's abort is an AbortError, never retried", async () => {
    const controller = new AbortController();
    const api = createFetchChatApi(
      "",
      (_url, init) =>
        new Promise((_, reject) => init.signal?.addEventListener("abort", () => reject(new Error("aborted")))),
    );
    const pending = api
      .listMessages({ bookingId: "b", limit: 1 }, { signal: controller.signal })
      .catch((e: unknown) => e);
    controller.abort(new DOMException("closed", "AbortError"));
    const error = await pending;
    expect(error).toMatchObject({ name: "AbortError" });
    expect(isRetryableError(error)).toBe(false);
  });
});
