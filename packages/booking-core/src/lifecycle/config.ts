// The lifecycle's windows, limits and defaults. Every function of the lifecycle takes a config (tests and the
// simulator pass shorter windows); the apps use defaultLifecycleConfig.
import { type DispatchConfig, defaultDispatchConfig } from "../dispatch";
import { DEFAULT_STANDARD_PRICES, type Duration } from "../prices";
import { BALI_BOUNDS, type Bounds } from "../schemas/location";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../time";

export interface LifecycleConfig {
  /** How long a therapist has to answer an offer for an immediate booking. */
  offerWindowMs: number;
  /** …for a scheduled booking (never past its response deadline). */
  scheduledOfferWindowMs: number;
  /** How long a spa has to answer an immediate booking. */
  placeResponseWindowMs: number;
  /** A scheduled booking's search ends this long after it was made… */
  scheduledResponseWindowMs: number;
  /** …or this long before the session, whichever is earlier. */
  responseLeadMs: number;
  /** How long the customer has to accept a dispatched therapist (immediate). */
  customerDecisionWindowMs: number;
  /** …for a scheduled booking. */
  scheduledCustomerDecisionWindowMs: number;
  /** Offers before giving up (stored per booking as maxAttempts). */
  maxAttempts: number;
  /** Scheduled visits may be cancelled free of charge until this long before the start. */
  freeCancellationLeadMs: number;
  /** A customer may rate a completed booking for this long after completion (rating.ts). */
  ratingWindowMs: number;
  /** Scheduled bookings a customer may have open at once (booking-limits.ts). */
  maxUpcomingScheduledBookings: number;
  /** Prices for a search with no chosen provider. */
  standardPrices: Readonly<Record<Duration, number>>;
  serviceArea: Bounds;
  dispatch: DispatchConfig;
}

export const defaultLifecycleConfig: LifecycleConfig = {
  offerWindowMs: 60_000,
  scheduledOfferWindowMs: 30 * MINUTE_MS,
  placeResponseWindowMs: 15 * MINUTE_MS,
  scheduledResponseWindowMs: 3 * HOUR_MS,
  responseLeadMs: HOUR_MS,
  customerDecisionWindowMs: 5 * MINUTE_MS,
  scheduledCustomerDecisionWindowMs: HOUR_MS,
  maxAttempts: 5,
  freeCancellationLeadMs: 4 * HOUR_MS,
  ratingWindowMs: 7 * DAY_MS,
  maxUpcomingScheduledBookings: 3,
  standardPrices: DEFAULT_STANDARD_PRICES,
  serviceArea: BALI_BOUNDS,
  dispatch: defaultDispatchConfig,
};
