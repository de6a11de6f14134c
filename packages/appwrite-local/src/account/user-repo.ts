// Users in SQLite. JSON columns hold the small list/object attributes (labels, prefs, targets).
import type { Sqlite } from "../store.ts";

export interface TargetRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  providerType: "email" | "sms";
  identifier: string;
}

export interface UserRecord {
  seq: number;
  id: string;
  createdAt: string;
  updatedAt: string;
  name: string;
  email: string | null;
  phone: string | null;
  /** scrypt-encoded hash, or null for users without a password (anonymous, phone-only). */
  password: string | null;
  passwordUpdate: string | null;
  registration: string;
  status: boolean;
  labels: string[];
  emailVerification: boolean;
  phoneVerification: boolean;
  prefs: Record<string, unknown>;
  targets: TargetRecord[];
  accessedAt: string;
}

interface UserRow {
  seq: number;
  id: string;
  created_at: string;
  updated_at: string;
  name: string;
  email: string | null;
  phone: string | null;
  password: string | null;
  password_update: string | null;
  registration: string;
  status: number;
  labels: string;
  email_verification: number;
  phone_verification: number;
  prefs: string;
  targets: string;
  accessed_at: string;
}

function fromRow(r: UserRow): UserRecord {
  return {
    seq: r.seq,
    id: r.id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    name: r.name,
    email: r.email,
    phone: r.phone,
    password: r.password,
    passwordUpdate: r.password_update,
    registration: r.registration,
    status: r.status === 1,
    labels: JSON.parse(r.labels) as string[],
    emailVerification: r.email_verification === 1,
    phoneVerification: r.phone_verification === 1,
    prefs: JSON.parse(r.prefs) as Record<string, unknown>,
    targets: JSON.parse(r.targets) as TargetRecord[],
    accessedAt: r.accessed_at,
  };
}

function toParams(u: Omit<UserRecord, "seq">) {
  return {
    id: u.id,
    created_at: u.createdAt,
    updated_at: u.updatedAt,
    name: u.name,
    email: u.email,
    phone: u.phone,
    password: u.password,
    password_update: u.passwordUpdate,
    registration: u.registration,
    status: u.status ? 1 : 0,
    labels: JSON.stringify(u.labels),
    email_verification: u.emailVerification ? 1 : 0,
    phone_verification: u.phoneVerification ? 1 : 0,
    prefs: JSON.stringify(u.prefs),
    targets: JSON.stringify(u.targets),
    accessed_at: u.accessedAt,
  };
}

const COLUMNS =
  "id, created_at, updated_at, name, email, phone, password, password_update, registration, status, labels, email_verification, phone_verification, prefs, targets, accessed_at";

export class UserRepo {
  private readonly byId;
  private readonly byEmail;
  private readonly all;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly deleteStmt;

  constructor(db: Sqlite) {
    this.byId = db.prepare<[string], UserRow>("SELECT * FROM _account_users WHERE id = ?");
    this.byEmail = db.prepare<[string], UserRow>("SELECT * FROM _account_users WHERE email = ?");
    this.all = db.prepare<[], UserRow>("SELECT * FROM _account_users ORDER BY seq");
    const placeholders = COLUMNS.split(", ")
      .map((c) => `@${c}`)
      .join(", ");
    this.insertStmt = db.prepare(`INSERT INTO _account_users (${COLUMNS}) VALUES (${placeholders})`);
    const sets = COLUMNS.split(", ")
      .filter((c) => c !== "id")
      .map((c) => `${c} = @${c}`)
      .join(", ");
    this.updateStmt = db.prepare(`UPDATE _account_users SET ${sets} WHERE id = @id`);
    this.deleteStmt = db.prepare<[string]>("DELETE FROM _account_users WHERE id = ?");
  }

  get(id: string): UserRecord | null {
    const row = this.byId.get(id);
    return row ? fromRow(row) : null;
  }

  getByEmail(email: string): UserRecord | null {
    const row = this.byEmail.get(email);
    return row ? fromRow(row) : null;
  }

  list(): UserRecord[] {
    return this.all.all().map(fromRow);
  }

  /** Throws the SQLite unique-constraint error on a duplicate id, email or phone. */
  insert(user: Omit<UserRecord, "seq">): UserRecord {
    this.insertStmt.run(toParams(user));
    return this.get(user.id)!;
  }

  save(user: UserRecord): UserRecord {
    this.updateStmt.run(toParams(user));
    return this.get(user.id)!;
  }

  delete(id: string): boolean {
    return this.deleteStmt.run(id).changes > 0;
  }
}

export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
