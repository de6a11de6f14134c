// Response models (Appwrite src/Appwrite/Utopia/Response/Model/{Account,User,Session,Target}.php). Null attributes
// come out as the model default ("" for strings), exactly as Appwrite's Response::output does.
import type { UserRecord, TargetRecord } from "./user-repo.ts";
import type { SessionRecord } from "./session-repo.ts";
import { PASSWORD_HASH_OPTIONS } from "../auth/password.ts";

function targetModel(userId: string, t: TargetRecord) {
  return {
    $id: t.id,
    $createdAt: t.createdAt,
    $updatedAt: t.updatedAt,
    name: "",
    userId,
    providerId: null,
    providerType: t.providerType,
    identifier: t.identifier,
    expired: false,
  };
}

function emailMeta(email: string | null) {
  if (!email) {
    return {
      emailCanonical: "",
      emailIsFree: null,
      emailIsDisposable: null,
      emailIsCorporate: null,
      emailIsCanonical: null,
    };
  }
  // Appwrite classifies emails with a provider database; the emulator only knows the canonical form.
  return {
    emailCanonical: email,
    emailIsFree: null,
    emailIsDisposable: null,
    emailIsCorporate: null,
    emailIsCanonical: true,
  };
}

export function accountModel(u: UserRecord) {
  return {
    $id: u.id,
    $createdAt: u.createdAt,
    $updatedAt: u.updatedAt,
    name: u.name,
    registration: u.registration,
    status: u.status,
    labels: u.labels,
    passwordUpdate: u.passwordUpdate ?? "",
    email: u.email ?? "",
    phone: u.phone ?? "",
    emailVerification: u.emailVerification,
    ...emailMeta(u.email),
    phoneVerification: u.phoneVerification,
    mfa: false,
    prefs: u.prefs,
    targets: u.targets.map((t) => targetModel(u.id, t)),
    accessedAt: u.accessedAt,
    impersonator: false,
    impersonatorUserId: null,
  };
}

/** The Users API model: the account plus the password hash and its algorithm (API key only). */
export function userModel(u: UserRecord) {
  const { $id, $createdAt, $updatedAt, name, ...rest } = accountModel(u);
  return {
    $id,
    $createdAt,
    $updatedAt,
    name,
    password: u.password ?? "",
    hash: "scrypt",
    hashOptions: PASSWORD_HASH_OPTIONS,
    ...rest,
  };
}

export function sessionModel(s: SessionRecord, opts: { current: boolean; secret?: string; showSecret: boolean }) {
  return {
    $id: s.id,
    $createdAt: s.createdAt,
    $updatedAt: s.updatedAt,
    userId: s.userId,
    expire: s.expire,
    provider: s.provider,
    providerUid: s.providerUid,
    providerAccessToken: "",
    providerAccessTokenExpiry: "",
    providerRefreshToken: "",
    ip: s.ip,
    osCode: "",
    osName: "",
    osVersion: "",
    clientType: "",
    clientCode: "",
    clientName: "",
    clientVersion: "",
    clientEngine: "",
    clientEngineVersion: "",
    deviceName: "",
    deviceBrand: "",
    deviceModel: "",
    countryCode: "--",
    countryName: "Unknown",
    current: opts.current,
    factors: s.factors,
    // `secret` is a sensitive attribute: Appwrite blanks it unless the caller is an API key (or console admin).
    secret: opts.showSecret ? (opts.secret ?? "") : "",
    mfaUpdatedAt: "",
  };
}
