import * as z from "zod";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import { bookingSchema, bookingStatusSchema } from "./schemas/booking";
import { durationSchema } from "./schemas/common";
import { errorMapFor, parseOrThrow, parseWith, validationMessage, withMessage } from "./validation";

describe("validation messages", () => {
  it("an unknown duration is refused with a clear message in English and Indonesian", () => {
    expect(durationSchema.safeParse(75, { error: errorMapFor("en") }).error?.issues[0]?.message).toBe(
      "Duration must be 60, 90 or 120 minutes.",
    );
    expect(durationSchema.safeParse(75, { error: errorMapFor("id") }).error?.issues[0]?.message).toBe(
      "Durasi harus 60, 90, atau 120 menit.",
    );
  });

  it("an unknown status names the field and the allowed values", () => {
    const schema = z.object({ status: bookingStatusSchema });
    expect(schema.safeParse({ status: "pending_accept" }, { error: errorMapFor("en") }).error?.issues[0]?.message).toBe(
      'Unknown status "pending_accept". Use one of: searching, therapist_found, confirmed, on_the_way, arrived, in_progress, completed, cancelled, expired.',
    );
    expect(
      schema.safeParse({ status: "pending_accept" }, { error: errorMapFor("id") }).error?.issues[0]?.message,
    ).toMatch(/^Status "pending_accept" tidak dikenal\. Gunakan salah satu dari: searching, /);
  });

  it("labels known fields, falls back to the key, and to 'value' at the root", () => {
    const schema = z.object({ source: z.enum(["a"]), colour: z.enum(["red"]), list: z.array(z.enum(["x"])) });
    const issues =
      schema.safeParse({ source: "b", colour: { no: 1 }, list: ["y"] }, { error: errorMapFor("en") }).error?.issues ??
      [];
    expect(issues.map((i) => i.message)).toEqual([
      'Unknown booking source "b". Use one of: a.',
      "Unknown colour. Use one of: red.",
      'Unknown list "y". Use one of: x.',
    ]);
    expect(z.enum(["a"]).safeParse("b", { error: errorMapFor("id") }).error?.issues[0]?.message).toBe(
      'Nilai "b" tidak dikenal. Gunakan salah satu dari: a.',
    );
  });

  it("words custom checks by key, and leaves other issues to zod's own locale", () => {
    const schema = z.string().refine((v) => v.length > 3, withMessage("phone_invalid"));
    expect(schema.safeParse("ab", { error: errorMapFor("id") }).error?.issues[0]?.message).toBe(
      validationMessage("phone_invalid", "id"),
    );
    const unkeyed = z.string().refine(() => false, { params: { key: "nope" } });
    expect(unkeyed.safeParse("x", { error: errorMapFor("en") }).error?.issues[0]?.message).toBe("Invalid input");
    expect(z.number().safeParse("x", { error: errorMapFor("id") }).error?.issues[0]?.message).toMatch(
      /^Input tidak valid/,
    );
  });

  it("parseWith returns the value, or a validation_failed DomainError with worded issues", () => {
    expect(parseWith(durationSchema, 90, "en")).toBe(90);
    const error = parseWith(
      z.object({ duration: durationSchema, n: z.number() }),
      { duration: 45, n: "x" },
      "id",
    ) as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe("validation_failed");
    expect(error.issues[0]).toEqual({ path: "duration", message: "Durasi harus 60, 90, atau 120 menit." });
    expect(error.message).toContain("duration: Durasi");
    const root = parseWith(durationSchema, 1, "en") as DomainError;
    expect(root.message).toBe("Duration must be 60, 90 or 120 minutes.");
  });

  it("parseOrThrow throws the DomainError", () => {
    expect(parseOrThrow(durationSchema, 60, "en")).toBe(60);
    expect(() => parseOrThrow(bookingSchema, {}, "en")).toThrow(DomainError);
  });
});
