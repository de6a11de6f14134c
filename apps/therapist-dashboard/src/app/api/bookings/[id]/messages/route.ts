// GET /api/bookings/[id]/messages – one page of the booking's chat; POST – send a message (the booking's confirmed therapist)
import { listMessages } from "@tenang/booking-server/messages/list-messages";
import { sendMessage } from "@tenang/booking-server/messages/send-message";
import { idSchema } from "@tenang/booking-core/schemas/common";
import { sendMessageInputSchema } from "@tenang/booking-core/schemas/chat";
import { parseOrThrow } from "@tenang/booking-core/validation";
import { z } from "zod";
import { bookingServer, handleRoute, pathId, readJson, requestLocale, requireTherapist } from "@/server/app-server";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

const pageQuerySchema = z.object({
  before: idSchema.optional(),
  after: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const GET = handleRoute(async (request, { params }: Params) => {
  const { therapist } = await requireTherapist();
  const bookingId = pathId((await params).id);
  const search = request.nextUrl.searchParams;
  const query = parseOrThrow(
    pageQuerySchema,
    {
      before: search.get("before") ?? undefined,
      after: search.get("after") ?? undefined,
      limit: search.get("limit") ?? undefined,
    },
    requestLocale(request),
  );
  const page = await listMessages(bookingServer(), {
    bookingId,
    viewer: { role: "therapist", id: therapist.id },
    ...query,
  });
  return Response.json(page);
});

export const POST = handleRoute(async (request, { params }: Params) => {
  const { therapist } = await requireTherapist();
  const bookingId = pathId((await params).id);
  const input = parseOrThrow(sendMessageInputSchema, await readJson(request), requestLocale(request));
  const message = await sendMessage(bookingServer(), {
    bookingId,
    sender: { role: "therapist", id: therapist.id },
    input,
  });
  // A retried send (same clientMessageId) gets the stored message back; the client treats 200 and 201 alike.
  return Response.json({ message }, { status: 201 });
});
