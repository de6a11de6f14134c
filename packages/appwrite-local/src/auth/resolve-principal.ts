// Resolves the caller of a request, in Appwrite's order (docs/appwrite-protocol.md §1 "How the server resolves
// the user"). The account module fills in session and JWT lookup; this file only owns the API key rule.
import type { IncomingHttpHeaders } from "node:http";
import { API_KEY, GUEST, type Principal } from "../principal.ts";
import { AppwriteError } from "../errors.ts";

export type UserResolver = (headers: IncomingHttpHeaders, projectId: string) => Principal | null;

export function createPrincipalResolver(apiKey: string, resolveUser: UserResolver) {
  return (headers: IncomingHttpHeaders, projectId: string): Principal => {
    const key = headers["x-appwrite-key"];
    if (typeof key === "string" && key.length > 0) {
      if (key !== apiKey) throw new AppwriteError(401, "general_access_forbidden", "Invalid API key");
      // A project API key turns authorization off for the whole request; the key replaces any user.
      return API_KEY;
    }
    return resolveUser(headers, projectId) ?? GUEST;
  };
}
