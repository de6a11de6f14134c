// POST /api/commissions/[id]/approve – confirm a provider's commission payment after checking the proof (admins only)
import { approveCommissionPayment } from "@tenang/booking-server/commissions/approve-commission-payment";
import { bookingServer, handleRoute, pathId, requireAdmin } from "@/server/app-server";

export const dynamic = "force-dynamic";

// No body: the record's own status is the version. The use case approves only a proof under review, under the
// therapist's lock, so a second click (or a second admin) gets 409 invalid_transition and changes nothing.
export const POST = handleRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const admin = await requireAdmin();
  const record = await approveCommissionPayment(bookingServer(), {
    commissionId: pathId((await params).id),
    adminId: admin.id,
  });
  return Response.json({ id: record.id, status: record.status, paidAt: record.paidAt });
});
