// Sessions in SQLite. The secret is stored only as a SHA-256 hash of its token.
import type { Sqlite } from "../store.ts";

export interface SessionRecord {
  seq: number;
  id: string;
  userId: string;
  secretHash: string;
  provider: string;
  providerUid: string;
  factors: string[];
  ip: string;
  userAgent: string;
  createdAt: string;
  updatedAt: string;
  expire: string;
}

interface SessionRow {
  seq: number;
  id: string;
  user_id: string;
  secret_hash: string;
  provider: string;
  provider_uid: string;
  factors: string;
  ip: string;
  user_agent: string;
  created_at: string;
  updated_at: string;
  expire: string;
}

function fromRow(r: SessionRow): SessionRecord {
  return {
    seq: r.seq,
    id: r.id,
    userId: r.user_id,
    secretHash: r.secret_hash,
    provider: r.provider,
    providerUid: r.provider_uid,
    factors: JSON.parse(r.factors) as string[],
    ip: r.ip,
    userAgent: r.user_agent,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    expire: r.expire,
  };
}

/** Sessions that stopped existing: `sessionIds` null means every session of the user (and every JWT of theirs). */
export interface Revocation {
  userId: string;
  sessionIds: string[] | null;
}

export class SessionRepo {
  private readonly byId;
  private readonly byHash;
  private readonly byUser;
  private readonly insertStmt;
  private readonly deleteStmt;
  private readonly deleteByUserStmt;
  private readonly deleteExpiredStmt;
  private readonly extendStmt;

  /** `onRevoked` hears of every deletion, so realtime can close the sockets those sessions (or their JWTs) opened. */
  constructor(
    db: Sqlite,
    private readonly onRevoked: (revocation: Revocation) => void = () => undefined,
  ) {
    this.byId = db.prepare<[string], SessionRow>("SELECT * FROM _account_sessions WHERE id = ?");
    this.byHash = db.prepare<[string], SessionRow>("SELECT * FROM _account_sessions WHERE secret_hash = ?");
    this.byUser = db.prepare<[string], SessionRow>("SELECT * FROM _account_sessions WHERE user_id = ? ORDER BY seq");
    this.insertStmt = db.prepare(
      `INSERT INTO _account_sessions (id, user_id, secret_hash, provider, provider_uid, factors, ip, user_agent, created_at, updated_at, expire)
       VALUES (@id, @user_id, @secret_hash, @provider, @provider_uid, @factors, @ip, @user_agent, @created_at, @updated_at, @expire)`,
    );
    this.deleteStmt = db.prepare<[string]>("DELETE FROM _account_sessions WHERE id = ?");
    this.deleteByUserStmt = db.prepare<[string]>("DELETE FROM _account_sessions WHERE user_id = ?");
    this.deleteExpiredStmt = db.prepare<[string, string]>(
      "DELETE FROM _account_sessions WHERE user_id = ? AND expire <= ?",
    );
    this.extendStmt = db.prepare<[string, string, string]>(
      "UPDATE _account_sessions SET expire = ?, updated_at = ? WHERE id = ?",
    );
  }

  get(id: string): SessionRecord | null {
    const row = this.byId.get(id);
    return row ? fromRow(row) : null;
  }

  getByHash(hash: string): SessionRecord | null {
    const row = this.byHash.get(hash);
    return row ? fromRow(row) : null;
  }

  listForUser(userId: string): SessionRecord[] {
    return this.byUser.all(userId).map(fromRow);
  }

  insert(s: Omit<SessionRecord, "seq">): SessionRecord {
    this.insertStmt.run({
      id: s.id,
      user_id: s.userId,
      secret_hash: s.secretHash,
      provider: s.provider,
      provider_uid: s.providerUid,
      factors: JSON.stringify(s.factors),
      ip: s.ip,
      user_agent: s.userAgent,
      created_at: s.createdAt,
      updated_at: s.updatedAt,
      expire: s.expire,
    });
    return this.get(s.id)!;
  }

  delete(id: string): boolean {
    const session = this.get(id);
    const deleted = this.deleteStmt.run(id).changes > 0;
    if (session && deleted) this.onRevoked({ userId: session.userId, sessionIds: [id] });
    return deleted;
  }

  deleteForUser(userId: string): number {
    const changes = this.deleteByUserStmt.run(userId).changes;
    this.onRevoked({ userId, sessionIds: null });
    return changes;
  }

  extend(id: string, expire: string, now: string): SessionRecord {
    this.extendStmt.run(expire, now, id);
    return this.get(id)!;
  }

  deleteExpired(userId: string, now: string): void {
    this.deleteExpiredStmt.run(userId, now);
  }
}
