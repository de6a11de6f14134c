import "server-only";
// Payout bank details live in the therapist's Appwrite user preferences (key `bank`): private to them and operations,
// with no table column to add. Read and written with the API key, for the signed-in user only (the caller checks).
import { bankDetailsInputSchema, type BankDetailsInput } from "@tenang/booking-core/schemas/bank-details";
import type { BookingServerContext } from "../context";

/** The stored bank details, or null when there are none (or what is stored no longer passes the form's check). */
export async function findBankDetails(ctx: BookingServerContext, userId: string): Promise<BankDetailsInput | null> {
  const prefs: Record<string, unknown> = await ctx.users.getPrefs({ userId });
  const parsed = bankDetailsInputSchema.safeParse(prefs.bank);
  return parsed.success ? parsed.data : null;
}

export async function saveBankDetails(
  ctx: BookingServerContext,
  userId: string,
  bank: BankDetailsInput,
): Promise<void> {
  // updatePrefs replaces the whole object: keep whatever else is stored there.
  const prefs: Record<string, unknown> = await ctx.users.getPrefs({ userId });
  await ctx.users.updatePrefs({ userId, prefs: { ...prefs, bank } });
}
