// For tests: an Appwrite endpoint that is frozen for real (a TCP server that accepts, reads and never answers),
// the condition of issue 9's finding 7. Used by the deadline-client and health-check tests.
import net from "node:net";

export interface FrozenBackend {
  /** An SDK endpoint (with /v1) that never answers. */
  endpoint: string;
  close(): Promise<void>;
}

export async function startFrozenBackend(): Promise<FrozenBackend> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/v1`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
