// POST /api/commissions/[id]/proof – upload a transfer proof (multipart `file`) for a due or overdue commission (its therapist)
import { uploadPaymentProof } from "@tenang/booking-server/commissions/upload-payment-proof";
import { requireTherapist } from "@/server/auth/require-therapist";
import { bookingContext } from "@/server/booking/booking-context";
import { handleRoute } from "@/server/http/handle-route";
import { pathId } from "@/server/http/path-id";
import { PROOF_RULES, readUpload } from "@/server/uploads/read-upload";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { user, therapist } = await requireTherapist();
  const commissionId = pathId((await params).id);
  const upload = await readUpload(request, PROOF_RULES);
  const record = await uploadPaymentProof(bookingContext(), {
    therapistId: therapist.id,
    userId: user.id,
    commissionId,
    upload,
  });
  return Response.json({ status: record.status }, { status: 201 });
});
