import type { Metadata } from "next";
import { getMessages } from "@/i18n/messages";
import { ProfileView } from "@/components/profile/profile-view";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: getMessages().profile.title };

export default function ProfilePage() {
  return <ProfileView />;
}
