// The account module's state over SQLite, shared by the REST routes, the request user resolver and the realtime
// server (one instance per App). Stateless apart from prepared statements and the JWT signing key.
import { randomBytes } from "node:crypto";
import type { App } from "../app.ts";
import { formatDate } from "../time.ts";
import { UserRepo, type UserRecord } from "./user-repo.ts";
import { SessionRepo, type Revocation, type SessionRecord } from "./session-repo.ts";
import { createAccountSchema } from "./schema.ts";
import { uniqueId } from "./ids.ts";
import { decodeSessionSecret, encodeSessionSecret, generateToken, hashToken } from "../auth/session-secret.ts";
import { verifyJwt, signJwt } from "../auth/jwt.ts";
import { rolesForUser } from "../auth/roles.ts";

/** Appwrite TOKEN_EXPIRATION_LOGIN_LONG: a project's sessions last one year unless its auth duration says otherwise. */
export const DEFAULT_SESSION_DURATION_SECONDS = 31_536_000;
/** Appwrite APP_LIMIT_USER_SESSIONS_DEFAULT: older sessions beyond this are deleted on sign-in. */
export const MAX_SESSIONS_PER_USER = 10;

export interface NewSession {
  session: SessionRecord;
  /** The encoded secret (cookie value / `session.secret`), only available at creation. */
  secret: string;
}

export interface SessionInput {
  provider: "email" | "anonymous" | "server";
  providerUid: string;
  factors: string[];
  ip: string;
  userAgent: string;
}

export class AccountService {
  readonly users: UserRepo;
  readonly sessions: SessionRepo;
  private readonly jwtKey: string;
  private readonly sessionDurationSeconds: number;
  private readonly revocationListeners = new Set<(revocation: Revocation) => void>();

  constructor(app: App) {
    createAccountSchema(app.db);
    this.users = new UserRepo(app.db);
    this.sessions = new SessionRepo(app.db, (r) => this.revoke(r));
    this.jwtKey = loadJwtKey(app);
    this.sessionDurationSeconds = app.config.sessionDurationSeconds;
  }

  /** Subscribes to session revocations (deleted sessions, blocked or deleted users); returns the unsubscribe. */
  onRevoke(listener: (revocation: Revocation) => void): () => void {
    this.revocationListeners.add(listener);
    return () => this.revocationListeners.delete(listener);
  }

  /** Tells listeners that sessions ended; the session repo calls it on delete, the Users API on block/delete. */
  revoke(revocation: Revocation): void {
    for (const listener of this.revocationListeners) listener(revocation);
  }

  /** The user and session an encoded secret belongs to, if the session exists, is unexpired and matches the user. */
  authenticateSecret(encoded: string | undefined | null): { user: UserRecord; session: SessionRecord } | null {
    const decoded = decodeSessionSecret(encoded);
    if (!decoded) return null;
    const session = this.sessions.getByHash(hashToken(decoded.token));
    if (!session || session.userId !== decoded.userId || session.expire <= formatDate()) return null;
    const user = this.users.get(session.userId);
    return user ? { user, session } : null;
  }

  /**
   * Verifies a JWT (throws JwtError when malformed, forged or expired). Returns null when its user is gone or its
   * session was deleted, which Appwrite treats as a guest rather than an error.
   */
  authenticateJwt(token: string): { user: UserRecord; sessionId: string } | null {
    const claims = verifyJwt(token, this.jwtKey);
    const user = claims.userId ? this.users.get(claims.userId) : null;
    if (!user) return null;
    if (claims.sessionId && !this.isSessionActive(user.id, claims.sessionId)) return null;
    return { user, sessionId: claims.sessionId };
  }

  isSessionActive(userId: string, sessionId: string): boolean {
    const s = this.sessions.get(sessionId);
    return !!s && s.userId === userId && s.expire > formatDate();
  }

  createJwt(userId: string, sessionId: string, durationSeconds: number): string {
    return signJwt({ userId, sessionId }, this.jwtKey, durationSeconds);
  }

  createSession(user: UserRecord, input: SessionInput): NewSession {
    const token = generateToken();
    const now = formatDate();
    const session = this.sessions.insert({
      id: uniqueId(),
      userId: user.id,
      secretHash: hashToken(token),
      provider: input.provider,
      providerUid: input.providerUid,
      factors: input.factors,
      ip: input.ip,
      userAgent: input.userAgent,
      createdAt: now,
      updatedAt: now,
      expire: this.sessionExpiry(),
    });
    this.sessions.deleteExpired(user.id, now);
    return { session, secret: encodeSessionSecret(user.id, token) };
  }

  /** When a session created or extended now ends. */
  sessionExpiry(now = Date.now()): string {
    return formatDate(now + this.sessionDurationSeconds * 1000);
  }

  /** Deletes a user's oldest sessions beyond the per-user limit (Appwrite's `session` group shutdown hook). */
  enforceSessionLimit(userId: string): void {
    const sessions = this.sessions.listForUser(userId);
    for (let i = 0; i < sessions.length - MAX_SESSIONS_PER_USER; i++) this.sessions.delete(sessions[i]!.id);
  }

  /** The roles of a user by ID, or null if the user does not exist. Used by realtime at connect time. */
  rolesFor(userId: string): string[] | null {
    const user = this.users.get(userId);
    return user ? rolesForUser(user) : null;
  }
}

function loadJwtKey(app: App): string {
  // Persisted so JWTs issued before a restart stay valid (in --memory mode the database itself is per-process).
  const row = app.db.prepare<[], { value: string }>("SELECT value FROM _account_meta WHERE key = 'jwt_key'").get();
  if (row) return row.value;
  const key = randomBytes(32).toString("hex");
  app.db.prepare("INSERT OR IGNORE INTO _account_meta (key, value) VALUES ('jwt_key', ?)").run(key);
  return app.db.prepare<[], { value: string }>("SELECT value FROM _account_meta WHERE key = 'jwt_key'").get()!.value;
}

const services = new WeakMap<App, AccountService>();

export function getAccountService(app: App): AccountService {
  let service = services.get(app);
  if (!service) {
    service = new AccountService(app);
    services.set(app, service);
  }
  return service;
}

/** Roles of a user by ID (null if unknown); what a realtime connection holds once authenticated. */
export function computeUserRoles(app: App, userId: string): string[] | null {
  return getAccountService(app).rolesFor(userId);
}
