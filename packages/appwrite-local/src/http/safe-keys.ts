// Keys that reach JavaScript's prototype machinery when user input becomes object keys (`obj[k] = v`,
// `Object.assign`, recursive merges). Every parser of request data refuses them, so no request can write onto
// Object.prototype or give one of our objects a prototype of its choosing (issue 9, finding 1).
import { AppwriteError } from "../errors.ts";

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

/** 400 general_argument_invalid naming where the key came from ("query", "body", "header", …). */
export function forbiddenKeyError(where: string, key: string): AppwriteError {
  return new AppwriteError(400, "general_argument_invalid", `Invalid ${where}: the key "${key}" is not allowed.`);
}

export function assertSafeKey(where: string, key: string): void {
  if (isForbiddenKey(key)) throw forbiddenKeyError(where, key);
}

/**
 * JSON.parse that throws forbiddenKeyError for any object key in the forbidden set, at any depth. JSON.parse itself
 * only makes own properties, but the objects it returns are then copied key by key by handlers; refusing here keeps
 * every later copy safe.
 */
export function parseJsonRefusingForbiddenKeys(text: string, where: string): unknown {
  return JSON.parse(text, (key, value: unknown) => {
    if (isForbiddenKey(key)) throw forbiddenKeyError(where, key);
    return value;
  });
}
