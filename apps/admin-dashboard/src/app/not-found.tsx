import Link from "next/link";
import { NotFoundPage } from "@tenang/ui/not-found-page";
import { getRequestMessages } from "@/i18n/request-locale";

export default async function NotFound() {
  const { notFound } = await getRequestMessages();
  return <NotFoundPage title={notFound.title} homeLabel={notFound.home} link={Link} />;
}
