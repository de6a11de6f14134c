import { normalizePhone } from "@tenang/booking-core/phone";
import { z } from "zod";

/**
 * What the sign-in form sends; the form and POST /api/auth/login validate with this same schema. The therapist types
 * an email or their WhatsApp number (any Indonesian spelling: 0812…, +62 812…); a phone is normalised to E.164 here,
 * so the server looks up one spelling only. The wording of problems comes from the caller (the form's messages, or
 * booking-core's error map in the route).
 */
export const loginInputSchema = z
  .object({
    login: z.string().trim().min(1),
    password: z.string().min(1).max(256),
  })
  .transform((value, ctx) => {
    if (value.login.includes("@")) {
      const email = z.email().safeParse(value.login.toLowerCase());
      if (email.success) return { kind: "email" as const, email: email.data, password: value.password };
      // No key: zod's own "invalid email" wording, in the caller's language through booking-core's error map.
      ctx.addIssue({ code: "invalid_format", format: "email", path: ["login"], input: value.login });
      return z.NEVER;
    }
    const phone = normalizePhone(value.login, { indonesiaOnly: true });
    if (phone.ok) return { kind: "phone" as const, phone: phone.e164, password: value.password };
    ctx.addIssue({
      code: "custom",
      path: ["login"],
      input: value.login,
      params: { key: "phone_not_indonesian_mobile" },
    });
    return z.NEVER;
  });

export type LoginInput = z.output<typeof loginInputSchema>;
