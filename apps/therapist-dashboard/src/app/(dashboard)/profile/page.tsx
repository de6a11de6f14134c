import type { Metadata } from "next";
import { getRequestMessages } from "@/i18n/request-locale";
import { ProfileView } from "@/components/profile/profile-view";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getRequestMessages()).profile.title };
}

export default function ProfilePage() {
  return <ProfileView />;
}
