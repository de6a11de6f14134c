import "server-only";
import { findTherapistByUserId } from "./therapist-repository";

/** What the dashboard home shows of the signed-in therapist. */
export interface MyTherapist {
  id: string;
  name: string;
  isOnline: boolean;
  isBusy: boolean;
  isRestricted: boolean;
  restrictedReason: string | null;
}

/** The signed-in therapist's own profile; null when their account is not linked to one yet. */
export async function getMyTherapist(userId: string): Promise<MyTherapist | null> {
  const therapist = await findTherapistByUserId(userId);
  if (!therapist) return null;
  const { id, name, isOnline, isBusy, isRestricted, restrictedReason } = therapist;
  return { id, name, isOnline, isBusy, isRestricted, restrictedReason };
}
