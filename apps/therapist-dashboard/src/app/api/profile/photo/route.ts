// POST /api/profile/photo – replace the profile photo (multipart `file`, JPG/PNG/WebP up to 5 MB) (the therapist)
import { handleRoute, requireTherapist } from "@/server/app-server";
import { replaceProfilePhoto } from "@/server/therapists/profile";
import { PHOTO_RULES, readUpload } from "@/server/uploads/read-upload";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request) => {
  const { therapist } = await requireTherapist();
  const upload = await readUpload(request, PHOTO_RULES);
  return Response.json(await replaceProfilePhoto(therapist, upload), { status: 201 });
});
