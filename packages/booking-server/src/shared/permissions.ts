import "server-only";
// Row read permissions: exactly the people who may see a row, so Realtime delivers it to them and to nobody else.
// The API key reads everything regardless; operations staff read through the tables' label:admin permission.
import { Permission, Role } from "node-appwrite";

const readBy = (...userIds: Array<string | null | undefined>): string[] =>
  [...new Set(userIds.filter((id): id is string => typeof id === "string" && id.length > 0))].map((id) =>
    Permission.read(Role.user(id)),
  );

/**
 * A booking row: nobody but staff (the table's label:admin). The row holds the customer's contact details and the
 * engine's internal fields; people read a booking through the apps' routes, which show each what they may see.
 */
export function bookingPermissions(): string[] {
  return [];
}

/**
 * A booking's change signal (booking_updates: id, status, version, time): the customer always; the therapist's user
 * while a therapist holds the booking (therapist_found on), so both apps hear "refetch" and nobody else does.
 */
export function bookingUpdatePermissions(customerId: string, therapistUserId: string | null): string[] {
  return readBy(customerId, therapistUserId);
}

/** Only the offered therapist's user. */
export function offerPermissions(therapistUserId: string | null): string[] {
  return readBy(therapistUserId);
}

/** The customer always; the therapist's user for messages posted once the booking is confirmed. */
export function messagePermissions(customerId: string, therapistUserId: string | null): string[] {
  return readBy(customerId, therapistUserId);
}

/** Only the provider's user. */
export function commissionPermissions(therapistUserId: string | null): string[] {
  return readBy(therapistUserId);
}

/** The customer who rated, and the rated therapist's user (a spa has no user yet). */
export function ratingPermissions(customerId: string, providerUserId: string | null): string[] {
  return readBy(customerId, providerUserId);
}
