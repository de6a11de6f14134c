import "server-only";
import { countBookings, countOnlineTherapists, countPlaces, countTherapists } from "./stats-repository";

export interface Overview {
  therapists: number;
  onlineTherapists: number;
  places: number;
  bookings: number;
}

/** The numbers on the admin home page. */
export async function getOverview(): Promise<Overview> {
  const [therapists, onlineTherapists, places, bookings] = await Promise.all([
    countTherapists(),
    countOnlineTherapists(),
    countPlaces(),
    countBookings(),
  ]);
  return { therapists, onlineTherapists, places, bookings };
}
