// People's names as they are written in Indonesia and by visitors: single names (Wayan), several words (Ni Luh Putu
// Ayu), apostrophes and hyphens (O'Brien, Jean-Luc), any script. No digits, emoji or links.
import * as z from "zod";
import { withMessage } from "../validation";

const NAME = /^[\p{L}\p{M}][\p{L}\p{M}'’. -]*$/u;

export function normalizeName(value: string): string {
  return value.normalize("NFC").trim().replace(/\s+/g, " ");
}

export function isValidName(value: string): boolean {
  const name = normalizeName(value);
  const letters = name.match(/\p{L}/gu)?.length ?? 0;
  return name.length >= 2 && name.length <= 60 && letters >= 2 && NAME.test(name);
}

/** A person's display name: whitespace collapsed, 2–60 characters, letters with ' ’ . - and spaces. */
export const personNameSchema = z.string().transform(normalizeName).refine(isValidName, withMessage("name_invalid"));
