// GET /api/offers – the signed-in therapist's open offers, with the server's clock for the countdown (the therapist)
import { listPendingOffers } from "@tenang/booking-server/offers/list-pending-offers";
import type { OffersResponse } from "@/lib/dto";
import { bookingServer, handleRoute, requireTherapist } from "@/server/app-server";
import { toOfferDto } from "@/server/offers/offer-dto";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async () => {
  const { therapist } = await requireTherapist();
  const ctx = bookingServer();
  const views = await listPendingOffers(ctx, { therapistId: therapist.id });
  const body: OffersResponse = { offers: views.map(toOfferDto), serverTime: ctx.clock().toISOString() };
  return Response.json(body);
});
