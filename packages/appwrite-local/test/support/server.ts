// Starts an in-process server for contract tests and hands out SDK clients for each kind of caller.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Account, Client, ID } from "node-appwrite";
import { startServer, type RunningServer } from "../../src/server.ts";

export const PROJECT_ID = "test-project";
export const API_KEY = "test-api-key";

export interface TestServer {
  server: RunningServer;
  url: string;
  /** A client with the project API key. */
  admin(): Client;
  /** A client with no credentials. */
  guest(): Client;
  /** A client that authenticates with a session secret (X-Appwrite-Session, the SSR pattern). */
  withSession(secret: string): Client;
  withJwt(jwt: string): Client;
  /** Creates an email/password user and a session for it (through the API key, so the secret is returned). */
  signUp(opts?: { email?: string; password?: string; name?: string }): Promise<SignedUpUser>;
  close(): Promise<void>;
}

export interface SignedUpUser {
  userId: string;
  email: string;
  password: string;
  secret: string;
  sessionId: string;
  client: Client;
}

let counter = 0;

export async function startTestServer(opts: { dataDir?: string } = {}): Promise<TestServer> {
  const server = await startServer(
    opts.dataDir
      ? { dataDir: opts.dataDir, projectId: PROJECT_ID, apiKey: API_KEY }
      : { memory: true, projectId: PROJECT_ID, apiKey: API_KEY },
  );
  const base = () => new Client().setEndpoint(server.url).setProject(PROJECT_ID);
  const t: TestServer = {
    server,
    url: server.url,
    admin: () => base().setKey(API_KEY),
    guest: base,
    withSession: (secret) => base().setSession(secret),
    withJwt: (jwt) => base().setJWT(jwt),
    async signUp(o = {}) {
      const email = o.email ?? `user${++counter}-${Date.now()}@example.com`;
      const password = o.password ?? "password-123";
      const account = new Account(t.admin());
      const user = await account.create({ userId: ID.unique(), email, password, name: o.name });
      const session = await account.createEmailPasswordSession({ email, password });
      return {
        userId: user.$id,
        email,
        password,
        secret: session.secret,
        sessionId: session.$id,
        client: t.withSession(session.secret),
      };
    },
    close: () => server.close(),
  };
  return t;
}

/** A fresh data directory, removed by the returned cleanup. */
export function tempDataDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "appwrite-local-test-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `fn` and returns the AppwriteException it throws (fails the test if it does not throw). */
export async function expectAppwriteError(
  fn: () => Promise<unknown>,
): Promise<{ code: number; type: string; message: string }> {
  try {
    await fn();
  } catch (err) {
    const e = err as { code?: unknown; type?: unknown; message?: unknown };
    if (typeof e.code === "number" && typeof e.type === "string")
      return { code: e.code, type: e.type, message: String(e.message) };
    throw err;
  }
  throw new Error("expected the call to fail with an AppwriteException");
}
