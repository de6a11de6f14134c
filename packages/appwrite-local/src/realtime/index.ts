// Realtime: the /v1/realtime WebSocket. (Owned by the Realtime module.)
import type http from "node:http";
import type { App } from "../app.ts";

export function attachRealtime(_server: http.Server, _app: App): void {}
