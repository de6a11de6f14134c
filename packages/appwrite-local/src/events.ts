// In-process bus between the REST side (writes) and the Realtime side (delivery).
// A publisher computes event names, channels and the read roles of the payload; the realtime server only matches.
import { EventEmitter } from "node:events";

export interface RealtimeEvent {
  /** Appwrite event names, most specific first (see shared/appwrite-row-create-events.json). */
  events: string[];
  /** Realtime channels this event is published on. */
  channels: string[];
  /** Roles allowed to receive it: table read roles, plus row read roles when rowSecurity is on. */
  roles: string[];
  /** ISO timestamp in Appwrite's format. */
  timestamp: string;
  payload: Record<string, unknown>;
}

export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(event: RealtimeEvent): void {
    this.emitter.emit("event", event);
  }

  subscribe(listener: (event: RealtimeEvent) => void): () => void {
    this.emitter.on("event", listener);
    return () => this.emitter.off("event", listener);
  }
}
