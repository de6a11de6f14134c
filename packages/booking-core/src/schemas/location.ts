// Where a session happens: a point on the map plus the address a therapist reads, with the optional hotel/villa and
// room number that Bali bookings usually need.
import * as z from "zod";
import type { Locale } from "../locale";
import { withMessage } from "../validation";
import { type Area, latitudeSchema, longitudeSchema } from "./common";

export const coordinatesSchema = z.object({ lat: latitudeSchema, lng: longitudeSchema });
export type Coordinates = z.infer<typeof coordinatesSchema>;

export interface Bounds {
  south: number;
  north: number;
  west: number;
  east: number;
}

/** Bali, generously: the island plus Nusa Penida/Lembongan. Bookings outside the served region are refused. */
export const BALI_BOUNDS: Bounds = { south: -8.9, north: -8.05, west: 114.4, east: 115.75 };

export function isWithinServiceArea(point: Coordinates, bounds: Bounds = BALI_BOUNDS): boolean {
  return point.lat >= bounds.south && point.lat <= bounds.north && point.lng >= bounds.west && point.lng <= bounds.east;
}

/** A representative point per area, to centre a map or place a provider who has not pinned a location. */
export const areaCentres: Readonly<Record<Area, Coordinates>> = {
  seminyak: { lat: -8.6913, lng: 115.1682 },
  canggu: { lat: -8.6478, lng: 115.1385 },
  ubud: { lat: -8.5069, lng: 115.2625 },
  kuta: { lat: -8.7176, lng: 115.1686 },
  sanur: { lat: -8.6783, lng: 115.263 },
  nusa_dua: { lat: -8.8003, lng: 115.2317 },
  jimbaran: { lat: -8.7908, lng: 115.1603 },
};

/** An optional free-text field from a form: trimmed, and "" becomes null. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
}

export const addressLineSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/\s+/g, " "))
  .refine((v) => v.length >= 5, withMessage("address_too_short"))
  .pipe(z.string().max(300));

const ROOM = /^[\p{L}\d][\p{L}\d \-/]{0,19}$/u;
export const roomNumberSchema = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || ROOM.test(v), withMessage("room_number_invalid"));

/** The address block of a booking form: address line, optional hotel/villa and room, and the pinned point. */
export const serviceAddressSchema = z.object({
  address: addressLineSchema,
  hotelOrVilla: optionalText(100),
  roomNumber: roomNumberSchema,
  lat: latitudeSchema,
  lng: longitudeSchema,
});
export type ServiceAddress = z.infer<typeof serviceAddressSchema>;

/** "Villa Kembang, room 12 · Jl. Kayu Aya No. 8": how a therapist reads where to go. */
export function formatServiceAddress(
  value: { address: string; hotelOrVilla: string | null; roomNumber: string | null },
  locale: Locale,
): string {
  const room = value.roomNumber ? `${locale === "id" ? "kamar" : "room"} ${value.roomNumber}` : null;
  const place = [value.hotelOrVilla, room].filter((part): part is string => Boolean(part)).join(", ");
  return place ? `${place} · ${value.address}` : value.address;
}
