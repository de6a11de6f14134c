// A TCP proxy that can freeze: put it between the apps and the local Appwrite server, pause it, and every byte in
// both directions stops (open keep-alive connections included) while connections are still accepted — a backend
// that hangs rather than one that refuses. Resume lets everything through again.
import net from "node:net";

export interface PausableProxy {
  /** http://127.0.0.1:<port> */
  url: string;
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startPausableProxy(target: { host: string; port: number }): Promise<PausableProxy> {
  let paused = false;
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket | null }>();
  const held: (() => void)[] = [];

  const connect = (pair: { client: net.Socket; upstream: net.Socket | null }) => {
    const upstream = net.connect(target.port, target.host);
    pair.upstream = upstream;
    pair.client.pipe(upstream);
    upstream.pipe(pair.client);
    upstream.on("error", () => pair.client.destroy());
    upstream.on("close", () => pair.client.destroy());
  };

  const server = net.createServer((client) => {
    const pair = { client, upstream: null as net.Socket | null };
    pairs.add(pair);
    client.on("error", () => pair.upstream?.destroy());
    client.on("close", () => {
      pair.upstream?.destroy();
      pairs.delete(pair);
    });
    if (paused) {
      client.pause();
      held.push(() => {
        client.resume();
        connect(pair);
      });
    } else connect(pair);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    pause() {
      paused = true;
      for (const { client, upstream } of pairs) {
        client.pause();
        upstream?.pause();
      }
    },
    resume() {
      paused = false;
      for (const { client, upstream } of pairs) {
        client.resume();
        upstream?.resume();
      }
      for (const release of held.splice(0)) release();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const { client, upstream } of pairs) {
          client.destroy();
          upstream?.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
