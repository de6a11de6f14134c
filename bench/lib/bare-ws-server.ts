// Baseline for the realtime benchmark: the least a WebSocket fan-out can do — a bare `ws` server that broadcasts
// each POSTed body to every connected client. Run as its own process, like the local server.
import http from "node:http";
import { WebSocketServer } from "ws";

const port = Number(process.argv[2]);
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const msg = Buffer.concat(chunks).toString();
    for (const client of wss.clients) client.send(msg);
    res.writeHead(201).end();
  });
});
const wss = new WebSocketServer({ server });
server.listen(port, "127.0.0.1");
