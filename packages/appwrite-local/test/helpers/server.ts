// In-process server for TablesDB contract tests: memory store, random port, and SDK clients per kind of caller.
import { Client, ID, Users } from "node-appwrite";
import { startServer, type RunningServer } from "../../src/server.ts";

export interface TestServer {
  url: string;
  apiKey: string;
  projectId: string;
  server: RunningServer;
  /** A node-appwrite client authenticated with the project API key. */
  adminClient(): Client;
  /** A client with no credentials (guest). */
  guestClient(): Client;
  /** A client for a session secret (the SSR pattern: X-Appwrite-Session). */
  sessionClient(secret: string): Client;
  close(): Promise<void>;
}

export async function startTestServer(options: { apiKey?: string; projectId?: string } = {}): Promise<TestServer> {
  const apiKey = options.apiKey ?? "tablesdb-test-key";
  const projectId = options.projectId ?? "tablesdb-test";
  const server = await startServer({ memory: true, port: 0, apiKey, projectId });
  const base = () => new Client().setEndpoint(server.url).setProject(projectId);
  return {
    url: server.url,
    apiKey,
    projectId,
    server,
    adminClient: () => base().setKey(apiKey),
    guestClient: base,
    sessionClient: (secret) => base().setSession(secret),
    close: () => server.close(),
  };
}

export interface TestUser {
  userId: string;
  secret: string;
  client: Client;
}

/** Creates a user (optionally with labels) and a session for it through the Users API with the API key. */
export async function createUserWithSession(t: TestServer, options: { labels?: string[] } = {}): Promise<TestUser> {
  const users = new Users(t.adminClient());
  const userId = ID.unique();
  await users.create({ userId, email: `${userId}@example.com`, password: "password-123" });
  if (options.labels) await users.updateLabels({ userId, labels: options.labels });
  const session = await users.createSession({ userId });
  return { userId, secret: session.secret, client: t.sessionClient(session.secret) };
}

/** Runs `fn` and returns the AppwriteException it throws; fails if it resolves. */
export async function appwriteError<T>(fn: () => Promise<T>): Promise<{ code: number; type: string; message: string }> {
  try {
    await fn();
  } catch (err) {
    const e = err as { code?: unknown; type?: unknown; message?: unknown };
    if (typeof e.code === "number" && typeof e.type === "string")
      return { code: e.code, type: e.type, message: String(e.message) };
    throw err;
  }
  throw new Error("expected an AppwriteException, but the call succeeded");
}
