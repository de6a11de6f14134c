// Appwrite's error body: {message, code, type, version}. Every failure the server answers goes through this class,
// so the SDKs see the same status/type pairs as against Appwrite Cloud (docs/appwrite-protocol.md §1).
export const APPWRITE_VERSION = "1.9.6";

export class AppwriteError extends Error {
  constructor(
    readonly code: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = "AppwriteError";
  }

  toJSON() {
    return { message: this.message, code: this.code, type: this.type, version: APPWRITE_VERSION };
  }
}

export const errors = {
  routeNotFound: () =>
    new AppwriteError(
      404,
      "general_route_not_found",
      "The requested route was not found. Please refer to the API docs and try again.",
    ),
  projectNotFound: (id: string) =>
    new AppwriteError(404, "project_not_found", `Project with the requested ID '${id}' could not be found.`),
  argumentInvalid: (param: string, desc: string) =>
    new AppwriteError(400, "general_argument_invalid", `Invalid \`${param}\` param: ${desc}`),
  queryInvalid: (desc: string) => new AppwriteError(400, "general_query_invalid", `Invalid query: ${desc}`),
  unauthorizedScope: (role: string, scopes: string[]) =>
    new AppwriteError(
      401,
      "general_unauthorized_scope",
      `User (role: ${role}) missing scopes (${JSON.stringify(scopes)})`,
    ),
  unauthorized: (message = "The current user is not authorized to perform the requested action.") =>
    new AppwriteError(401, "user_unauthorized", message),
  rateLimit: () =>
    new AppwriteError(
      429,
      "general_rate_limit_exceeded",
      "Rate limit for the current endpoint has been exceeded. Please try again after some time.",
    ),
  serverError: () => new AppwriteError(500, "general_unknown", "Server Error"),
};
