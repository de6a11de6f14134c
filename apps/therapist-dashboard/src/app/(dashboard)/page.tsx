import { requireSignedInUser } from "@/server/app-server";
import { getMe } from "@/server/therapists/get-me";
import { HomeView } from "@/components/home/home-view";

export const dynamic = "force-dynamic";

export default async function TodayPage() {
  const user = await requireSignedInUser();
  const me = await getMe(user);
  return <HomeView name={me?.name ?? user.name} />;
}
