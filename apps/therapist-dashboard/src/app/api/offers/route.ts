// GET /api/offers – the signed-in therapist's open offers, with the server's clock for the countdown (the therapist)
import { listPendingOffers } from "@tenang/booking-server/offers/list-pending-offers";
import type { OffersResponse } from "@/lib/dto";
import { requireTherapist } from "@/server/auth/require-therapist";
import { bookingContext } from "@/server/booking/booking-context";
import { handleRoute } from "@/server/http/handle-route";
import { toOfferDto } from "@/server/offers/offer-dto";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async () => {
  const { therapist } = await requireTherapist();
  const ctx = bookingContext();
  const views = await listPendingOffers(ctx, { therapistId: therapist.id });
  const body: OffersResponse = { offers: views.map(toOfferDto), serverTime: ctx.clock().toISOString() };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
});
