import "server-only";
// Every node-appwrite Client our servers build comes from here, so every Appwrite call has a deadline. Without one
// a frozen backend held each request (and its socket and memory) as long as it stayed frozen: 40 s measured in
// issue 9, finding 7. node-appwrite builds each fetch's options in prepareRequest, so the deadline rides there as an
// AbortSignal: it aborts the connection, the wait for headers and the body alike.
import { DomainError } from "@tenang/booking-core/errors";
import { Client } from "node-appwrite";

/** When a timed-out caller may try again: long enough for a restarting backend, short enough to keep users. */
const RETRY_AFTER_MS = 5000;

export interface AppwriteClientConfig {
  endpoint: string;
  projectId: string;
  /** The most one call may take, from connecting to the last byte of the answer. */
  timeoutMs: number;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

class DeadlineClient extends Client {
  readonly #timeoutMs: number;

  constructor(timeoutMs: number) {
    super();
    this.#timeoutMs = timeoutMs;
  }

  override prepareRequest(...args: Parameters<Client["prepareRequest"]>): ReturnType<Client["prepareRequest"]> {
    const prepared = super.prepareRequest(...args);
    return { ...prepared, options: { ...prepared.options, signal: AbortSignal.timeout(this.#timeoutMs) } };
  }

  // Everything the SDK sends (chunked uploads too) goes through call(), so this is where a timeout is named.
  override async call(...args: Parameters<Client["call"]>): ReturnType<Client["call"]> {
    try {
      return await super.call(...args);
    } catch (error) {
      if (!isTimeout(error)) throw error;
      throw new DomainError("service_unavailable", `Appwrite did not answer within ${this.#timeoutMs} ms`, {
        retryAfterMs: RETRY_AFTER_MS,
      });
    }
  }
}

/** A Client for `endpoint`/`projectId` whose every call gives up after `timeoutMs` (then: service_unavailable). */
export function createAppwriteClient(config: AppwriteClientConfig): Client {
  return new DeadlineClient(config.timeoutMs).setEndpoint(config.endpoint).setProject(config.projectId);
}
