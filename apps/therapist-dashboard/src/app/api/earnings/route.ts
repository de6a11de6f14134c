// GET /api/earnings – totals, commission records, what is owed and bank details of the signed-in therapist (the therapist)
import { handleRoute, requireTherapist } from "@/server/app-server";
import { getEarnings } from "@/server/earnings/get-earnings";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async () => {
  const { user, therapist } = await requireTherapist();
  const earnings = await getEarnings({ therapistId: therapist.id, userId: user.id });
  return Response.json(earnings);
});
