// POST /api/commissions/[id]/proof – upload a transfer proof (multipart `file`) for a due or overdue commission (its therapist)
import { uploadPaymentProof } from "@tenang/booking-server/commissions/upload-payment-proof";
import { bookingServer, handleRoute, pathId, requireTherapist } from "@/server/app-server";
import { PROOF_RULES, readUpload } from "@/server/uploads/read-upload";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { user, therapist } = await requireTherapist();
  const commissionId = pathId((await params).id);
  const upload = await readUpload(request, PROOF_RULES);
  const record = await uploadPaymentProof(bookingServer(), {
    therapistId: therapist.id,
    userId: user.id,
    commissionId,
    upload,
  });
  return Response.json({ status: record.status }, { status: 201 });
});
