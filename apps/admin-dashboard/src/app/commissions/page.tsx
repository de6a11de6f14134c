import type { Metadata } from "next";
import { commissionQueueGroups, listCommissionQueue } from "@tenang/booking-server/admin/commission-queue";
import { CommissionCard } from "@/components/commissions/commission-card";
import { ConfirmNoticeBanner, ConfirmNoticeProvider } from "@/components/commissions/confirm-notice";
import { getRequestLocale, getRequestMessages } from "@/i18n/request-locale";
import { bookingServer, requireSignedInUser } from "@/server/app-server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getRequestMessages()).commissions.title };
}

/** The commission queue, in the order staff work it: proofs to check, overdue, due, then recently paid. */
export default async function CommissionsPage() {
  await requireSignedInUser();
  const [m, locale, queue] = await Promise.all([
    getRequestMessages(),
    getRequestLocale(),
    listCommissionQueue(bookingServer()),
  ]);
  return (
    <ConfirmNoticeProvider>
      <div className="flex flex-col gap-5">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-sand-900">{m.commissions.title}</h1>
          <p className="mt-1 text-sm text-sand-600">{m.commissions.intro}</p>
        </div>
        <ConfirmNoticeBanner />
        {commissionQueueGroups.map((group) => {
          const rows = queue.filter((view) => view.group === group);
          return (
            <section key={group} aria-labelledby={`group-${group}`} data-testid={`group-${group}`}>
              <h2 id={`group-${group}`} className="text-lg font-semibold text-sand-900">
                {m.commissions.groups[group]} <span className="text-sand-500 tabular-nums">({rows.length})</span>
              </h2>
              <p className="mb-2 text-xs text-sand-500">{m.commissions.groupHints[group]}</p>
              {rows.length === 0 ? (
                <p className="rounded-xl border border-dashed border-sand-300 px-4 py-3 text-sm text-sand-500">
                  {m.commissions.empty}
                </p>
              ) : (
                <ul className="flex flex-col gap-3">
                  {rows.map((view) => (
                    <CommissionCard key={view.id} view={view} locale={locale} m={m} />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </ConfirmNoticeProvider>
  );
}
