// GET /api/earnings – totals, commission records, what is owed and bank details of the signed-in therapist (the therapist)
import { requireTherapist } from "@/server/auth/require-therapist";
import { getEarnings } from "@/server/earnings/get-earnings";
import { handleRoute } from "@/server/http/handle-route";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async () => {
  const { user, therapist } = await requireTherapist();
  const earnings = await getEarnings({ therapistId: therapist.id, userId: user.id });
  return Response.json(earnings, { headers: { "Cache-Control": "no-store" } });
});
