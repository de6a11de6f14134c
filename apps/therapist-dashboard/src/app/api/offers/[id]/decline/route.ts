// POST /api/offers/[id]/decline – decline an offer, with an optional reason; it moves on to the next therapist (the offered therapist)
import { respondToOffer } from "@tenang/booking-server/bookings/respond-to-offer";
import { parseOrThrow } from "@tenang/booking-core/validation";
import { offerAnswerBodySchema } from "@/lib/offer-answer-input";
import {
  bookingServer,
  handleRoute,
  pathId,
  readOptionalJson,
  requestLocale,
  requireTherapist,
} from "@/server/app-server";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { therapist } = await requireTherapist();
  const offerId = pathId((await params).id);
  const { declineReason } = parseOrThrow(
    offerAnswerBodySchema,
    await readOptionalJson(request),
    requestLocale(request),
  );
  const result = await respondToOffer(bookingServer(), {
    therapistId: therapist.id,
    offerId,
    response: "decline",
    reason: declineReason,
  });
  return Response.json(result);
});
