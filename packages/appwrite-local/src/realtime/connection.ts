// One realtime connection: who it is (roles fixed at connect/authentication time) and its subscriptions.
import type { WebSocket } from "ws";
import type { CompiledQuery } from "./realtime-query.ts";

export interface Subscription {
  id: string;
  channels: string[];
  query: CompiledQuery;
  queryStrings: string[];
}

export class Connection {
  roles: string[];
  userId: string;
  /** The session this connection authenticated with, directly or through a JWT minted from it; null for guests
   * and session-less JWTs. Deleting that session closes the connection. */
  sessionId: string | null = null;
  readonly subscriptions = new Map<string, Subscription>();
  /** channel → the subscriptions of this connection listening on it, for delivery without scanning them all. */
  readonly byChannel = new Map<string, Map<string, Subscription>>();

  constructor(
    readonly id: number,
    readonly socket: WebSocket,
    roles: string[],
    userId: string,
  ) {
    this.roles = roles;
    this.userId = userId;
  }

  send(message: string): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(message);
  }

  /** Sends already-encoded UTF-8 as a text frame (fan-out encodes the shared part of an event once). */
  sendText(message: Buffer): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(message, { binary: false });
  }
}
