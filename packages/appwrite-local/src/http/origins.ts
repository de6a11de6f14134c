// Which browser origins may call the server (Appwrite Network/Cors.php and Network/Validator/Origin.php): an origin
// is allowed when its host is `localhost` or a configured host (any port, any web scheme), or a loopback spelling
// of localhost (127.0.0.1, [::1]). A configured entry is a hostname, an origin (its hostname is used) or `*.domain`
// for every subdomain. Appwrite's platforms register hostnames the same way.
import { AppwriteError } from "../errors.ts";

const WEB_SCHEMES = new Set([
  "http",
  "https",
  "chrome-extension",
  "moz-extension",
  "safari-web-extension",
  "ms-browser-extension",
  "tauri",
]);
const LOOPBACK_HOSTNAME = "localhost";
const LOOPBACK_ALIASES = new Set(["127.0.0.1", "[::1]"]);

function hostnameOf(entry: string): string {
  const trimmed = entry.trim().toLowerCase();
  if (trimmed.includes("://")) {
    try {
      return new URL(trimmed).hostname;
    } catch {
      return "";
    }
  }
  // A bare host may carry a port ("app.example:8443"); hosts match on any port.
  return trimmed.startsWith("[") ? trimmed.slice(0, trimmed.indexOf("]") + 1) : trimmed.split(":")[0]!;
}

export class OriginPolicy {
  private readonly exact = new Set<string>([LOOPBACK_HOSTNAME]);
  private readonly suffixes: string[] = [];

  constructor(allowed: readonly string[] = []) {
    for (const entry of allowed) {
      const host = hostnameOf(entry);
      if (host.startsWith("*.")) this.suffixes.push(host.slice(1));
      else if (host !== "") this.exact.add(host);
    }
  }

  private hostAllowed(host: string): boolean {
    return this.exact.has(host) || this.suffixes.some((s) => host.endsWith(s) && host.length > s.length);
  }

  isAllowed(origin: string): boolean {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    const scheme = url.protocol.slice(0, -1).toLowerCase();
    if (!WEB_SCHEMES.has(scheme)) return false;
    const host = url.hostname.toLowerCase();
    if (host === "") return false;
    return this.hostAllowed(host) || (LOOPBACK_ALIASES.has(host) && this.hostAllowed(LOOPBACK_HOSTNAME));
  }

  /** Appwrite's wording (Validator/Origin::getDescription) for a refused origin. */
  describe(origin: string): string {
    let host: string;
    try {
      host = new URL(origin).hostname;
    } catch {
      return "Invalid Origin.";
    }
    return `Invalid Origin. Register your new client ${host ? `(${host}) ` : ""}as a new Web platform on your project console dashboard`;
  }

  /** 403 general_unknown_origin, Appwrite's answer to a client request from an origin it does not know. */
  error(origin: string): AppwriteError {
    return new AppwriteError(403, "general_unknown_origin", this.describe(origin));
  }
}
