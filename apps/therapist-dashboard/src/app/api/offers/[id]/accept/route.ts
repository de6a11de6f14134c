// POST /api/offers/[id]/accept – accept an offer (the offered therapist); 409 no_longer_available if it was lost
import { respondToOffer } from "@tenang/booking-server/bookings/respond-to-offer";
import { parseOrThrow } from "@tenang/booking-core/validation";
import { offerAnswerBodySchema } from "@/lib/offer-answer-input";
import { requireTherapist } from "@/server/auth/require-therapist";
import { bookingContext } from "@/server/booking/booking-context";
import { handleRoute, readOptionalJson, requestLocale } from "@/server/http/handle-route";
import { pathId } from "@/server/http/path-id";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { therapist } = await requireTherapist();
  const offerId = pathId((await params).id);
  parseOrThrow(offerAnswerBodySchema, await readOptionalJson(request), requestLocale(request));
  const result = await respondToOffer(bookingContext(), { therapistId: therapist.id, offerId, response: "accept" });
  return Response.json(result);
});
