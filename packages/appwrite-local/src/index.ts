export { startServer, type ServerOptions, type RunningServer } from "./server.ts";
export type { ServerConfig } from "./app.ts";
