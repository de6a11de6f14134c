"use client";

// What the guest enters on the service confirmation card: the fields, their errors, the discount quote that goes
// with them, and where the massage happens. Address, hotel, room and area outlive a reload or a reset after
// cancelling (sessionStorage); the rest starts afresh.
import { DEFAULT_STANDARD_PRICES, durations, type Duration } from "@tenang/booking-core/prices";
import { formatPhone } from "@tenang/booking-core/phone";
import { areas, type Area } from "@tenang/booking-core/schemas/common";
import { areaCentres } from "@tenang/booking-core/schemas/location";
import { useEffect, useMemo, useState } from "react";
import { useGeolocation } from "@/hooks/use-geolocation";
import type { BookingStart } from "@/lib/booking-start";

export type Field =
  | "duration"
  | "scheduledFor"
  | "location"
  | "address"
  | "hotelOrVilla"
  | "roomNumber"
  | "customerName"
  | "customerWhatsapp"
  | "discountCode";

export type FieldErrors = Partial<Record<Field, string>>;

export interface DraftFields {
  duration: Duration;
  date: string;
  slot: string;
  address: string;
  hotelOrVilla: string;
  roomNumber: string;
  area: Area | "";
  customerName: string;
  customerWhatsapp: string;
  discountCode: string;
}

export interface DiscountQuote {
  code: string;
  discountAmount: number;
  amount: number;
}

/** The form field a request path (the schema's, or the route's issue path) belongs to. */
export const FIELD_OF_PATH: Record<string, Field> = {
  duration: "duration",
  scheduledFor: "scheduledFor",
  lat: "location",
  lng: "location",
  address: "address",
  hotelOrVilla: "hotelOrVilla",
  roomNumber: "roomNumber",
  customerName: "customerName",
  customerWhatsapp: "customerWhatsapp",
  discountCode: "discountCode",
};

const DRAFT_STORAGE_KEY = "tenang:booking-draft";
/** What is kept across a reload or a reset after cancelling (never the discount check or errors). */
type StoredDraft = Pick<DraftFields, "address" | "hotelOrVilla" | "roomNumber" | "area">;

export function priceOf(start: BookingStart, duration: Duration): number | null {
  const provider = start.place ?? start.therapist;
  return provider ? provider.prices[duration] : DEFAULT_STANDARD_PRICES[duration];
}

function firstOffered(start: BookingStart): Duration {
  const wanted = start.duration ?? 60;
  if (priceOf(start, wanted) !== null) return wanted;
  return durations.find((d) => priceOf(start, d) !== null) ?? 60;
}

export function useBookingDraft(start: BookingStart) {
  const [fields, setFields] = useState<DraftFields>(() => ({
    duration: firstOffered(start),
    date: "",
    slot: "",
    address: "",
    hotelOrVilla: "",
    roomNumber: "",
    area: start.area ?? "",
    customerName: start.profile.name ?? "",
    customerWhatsapp: start.profile.whatsapp ? formatPhone(start.profile.whatsapp, "international") : "",
    discountCode: "",
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [quote, setQuote] = useState<DiscountQuote | null>(null);
  const { state: geo, locate } = useGeolocation();

  // After mount only: sessionStorage differs between the server render and the browser.
  useEffect(() => {
    try {
      const stored = JSON.parse(sessionStorage.getItem(DRAFT_STORAGE_KEY) ?? "null") as Partial<StoredDraft> | null;
      if (stored) {
        setFields((f) => ({
          ...f,
          address: typeof stored.address === "string" ? stored.address : f.address,
          hotelOrVilla: typeof stored.hotelOrVilla === "string" ? stored.hotelOrVilla : f.hotelOrVilla,
          roomNumber: typeof stored.roomNumber === "string" ? stored.roomNumber : f.roomNumber,
          area: f.area || (areas.includes(stored.area as Area) ? (stored.area as Area) : ""),
        }));
      }
    } catch {
      // Storage blocked (private mode) or damaged: start empty.
    }
  }, []);

  useEffect(() => {
    const stored: StoredDraft = {
      address: fields.address,
      hotelOrVilla: fields.hotelOrVilla,
      roomNumber: fields.roomNumber,
      area: fields.area,
    };
    try {
      sessionStorage.setItem(DRAFT_STORAGE_KEY, JSON.stringify(stored));
    } catch {
      // Not remembered; nothing else depends on it.
    }
  }, [fields.address, fields.hotelOrVilla, fields.roomNumber, fields.area]);

  /** Changes one field, clears its error, and drops a discount quote that no longer fits. */
  const set = <K extends keyof DraftFields>(key: K, value: DraftFields[K]) => {
    setFields((f) => ({ ...f, [key]: value }));
    const field = FIELD_OF_PATH[key];
    if (field) setErrors((e) => ({ ...e, [field]: undefined }));
    if (key === "duration" || key === "discountCode") setQuote(null);
  };
  const clearError = (field: Field) => setErrors((e) => ({ ...e, [field]: undefined }));

  // Where: the device's position when shared, else the chosen area's centre, else the page's point.
  const point = useMemo(() => {
    if (start.place) return { lat: start.place.lat, lng: start.place.lng };
    if (geo.status === "located") return { lat: geo.lat, lng: geo.lng };
    if (fields.area) return areaCentres[fields.area];
    return start.point;
  }, [geo, fields.area, start.point, start.place]);

  return { fields, setFields, set, errors, setErrors, clearError, quote, setQuote, geo, locate, point };
}

export type BookingDraft = ReturnType<typeof useBookingDraft>;
