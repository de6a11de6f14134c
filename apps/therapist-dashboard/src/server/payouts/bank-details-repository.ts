import "server-only";
import { bankDetailsInputSchema, type BankDetailsInput } from "@/lib/bank-details-input";
import { bookingServer } from "@/server/app-server";

const createAdminUsers = () => bookingServer().users;

// Payout bank details live in the therapist's Appwrite user preferences (key `bank`): private to them and operations,
// with no table column to add. Read and written with the API key, for the signed-in user only.

export async function findBankDetails(userId: string): Promise<BankDetailsInput | null> {
  const prefs: Record<string, unknown> = await createAdminUsers().getPrefs({ userId });
  const parsed = bankDetailsInputSchema.safeParse(prefs.bank);
  return parsed.success ? parsed.data : null;
}

export async function saveBankDetails(userId: string, bank: BankDetailsInput): Promise<void> {
  const users = createAdminUsers();
  // updatePrefs replaces the whole object: keep whatever else is stored there.
  const prefs: Record<string, unknown> = await users.getPrefs({ userId });
  await users.updatePrefs({ userId, prefs: { ...prefs, bank } });
}
