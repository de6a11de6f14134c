// A Web Push service of our own for tests (RFC 8030): an HTTP server on 127.0.0.1 that records what the server pushes
// and answers with whatever status a test sets per path (201 by default). With it, the keys of a "browser" the test
// makes (a P-256 key pair and an auth secret, as PushManager.subscribe would) and RFC 8291 decryption, so a test reads
// exactly what a phone would receive — without a browser vendor's push service or the internet.
import {
  type ECDH,
  createDecipheriv,
  createECDH,
  createHmac,
  createPublicKey,
  hkdfSync,
  randomBytes,
  verify,
} from "node:crypto";
import { type IncomingMessage, type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface PushRequest {
  path: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

export class LocalPushService {
  readonly received: PushRequest[] = [];
  private readonly statuses = new Map<string, number>();
  private server: Server | null = null;
  /** http://127.0.0.1:<port>, once started. */
  origin = "";

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const path = req.url ?? "/";
        this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(this.statuses.get(path) ?? 201).end();
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  /** The status this path answers from now on. */
  answer(path: string, status: number): void {
    this.statuses.set(path, status);
  }

  to(path: string): PushRequest[] {
    return this.received.filter((r) => r.path === path);
  }

  close(): Promise<void> {
    const server = this.server;
    return server ? new Promise((resolve) => server.close(() => resolve())) : Promise.resolve();
  }
}

/** What a browser's PushManager holds for one subscription: its private key and auth secret, and their public form. */
export interface PushKeys {
  ecdh: ECDH;
  auth: Buffer;
  /** As PushSubscription.toJSON().keys gives them (base64url). */
  keys: { p256dh: string; auth: string };
}

export function newPushKeys(): PushKeys {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") } };
}

const hmac = (key: Buffer, data: Buffer) => createHmac("sha256", key).update(data).digest();

/**
 * RFC 8291 §3.4 with RFC 8188's aes128gcm framing (one record): the plaintext, or a thrown Error when the body is
 * not what a browser with these keys could decrypt.
 */
export function decryptPush(keys: PushKeys, body: Buffer): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20] ?? 0;
  const serverPublicKey = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  if (idLength !== 65) throw new Error(`keyid is ${idLength} bytes, not the 65 of a P-256 point`);
  if (ciphertext.length > recordSize) throw new Error("more than one record");

  const ecdhSecret = keys.ecdh.computeSecret(serverPublicKey);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), keys.ecdh.getPublicKey(), serverPublicKey]);
  // IKM = HMAC(HMAC(auth, ecdh_secret), key_info || 0x01): HKDF with one 32-byte block.
  const ikm = Buffer.from(hkdfSync("sha256", ecdhSecret, keys.auth, keyInfo, 32));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from("Content-Encoding: aes128gcm\0\x01")).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from("Content-Encoding: nonce\0\x01")).subarray(0, 12);

  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error("no last-record delimiter");
  return padded.subarray(0, end).toString("utf8");
}

/**
 * RFC 8292: the request's `Authorization: vapid t=<JWT>, k=<key>` — the key is `publicKey`, the ES256 signature
 * verifies with it, and the JWT's claims (aud, sub, exp) come back for the test to check.
 */
export function readVapid(request: PushRequest, publicKey: string): { aud: string; sub: string; exp: number } {
  const header = String(request.headers.authorization);
  const match = /^vapid t=([^,]+), k=(.+)$/.exec(header);
  if (!match) throw new Error(`not a VAPID Authorization header: ${header}`);
  const [, jwt = "", k] = match;
  if (k !== publicKey) throw new Error("signed with another key");
  const [head = "", claims = "", signature = ""] = jwt.split(".");
  const point = Buffer.from(publicKey, "base64url");
  const key = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33, 65).toString("base64url"),
    },
    format: "jwk",
  });
  const signed = verify(
    "sha256",
    Buffer.from(`${head}.${claims}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!signed) throw new Error("the VAPID signature does not verify");
  return JSON.parse(Buffer.from(claims, "base64url").toString()) as { aud: string; sub: string; exp: number };
}
