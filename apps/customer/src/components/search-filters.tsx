import { DEFAULT_STANDARD_PRICES, durations } from "@tenang/booking-core/prices";
import { formatRupiah } from "@tenang/booking-core/rupiah";
import { languages, massageTypes } from "@tenang/booking-core/schemas/common";
import { chipClassName } from "@tenang/ui/chip";
import Link from "next/link";
import type { ReactNode } from "react";
import { languageName, type Messages } from "@/i18n/messages";
import { hrefWith } from "@/lib/query-href";
import { panelFilterKeys } from "@/server/search/search-input";

type Query = Readonly<Record<string, string | undefined>>;

const PRICE_CAPS = [200_000, 300_000, 400_000, 500_000] as const;
const RATINGS = ["4.5", "4.8"] as const;

function Group({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} className="flex flex-col gap-2">
      <p className="text-xs font-semibold tracking-wide text-sand-500 uppercase" aria-hidden="true">
        {label}
      </p>
      <div className="flex flex-wrap gap-2">{children}</div>
    </div>
  );
}

function Chip({ query, name, value, label }: { query: Query; name: string; value: string; label: string }) {
  const selected = query[name] === value;
  return (
    <Link
      href={hrefWith(query, { [name]: selected ? undefined : value })}
      scroll={false}
      aria-current={selected ? "true" : undefined}
      className={chipClassName({ selected })}
      data-testid={`filter-${name}-${value}`}
    >
      {label}
    </Link>
  );
}

/**
 * The filters as links (`/?duration=90&language=ja`), like the area picker: they work before hydration, can be
 * shared, and the back button undoes one. Tapping a selected chip clears it.
 */
export function SearchFilters({ query, messages: m }: { query: Query; messages: Messages }) {
  const active = panelFilterKeys.filter((key) => query[key] !== undefined && query[key] !== "").length;
  const duration = Number(query.duration) as (typeof durations)[number];
  const capFor = durations.includes(duration) ? duration : 60;
  return (
    <details className="group rounded-2xl border border-sand-200 bg-white" open={active > 0}>
      <summary className="flex cursor-pointer list-none items-center justify-between px-4 py-3 text-sm font-medium text-sand-900">
        <span>
          {m.filters.title}
          {active > 0 && <span className="ml-2 text-tenang-700">{m.filters.active(active)}</span>}
        </span>
        <span aria-hidden="true" className="text-sand-500 transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="flex flex-col gap-4 border-t border-sand-100 px-4 py-4">
        <Group label={m.filters.availableNow}>
          <Chip query={query} name="available" value="1" label={m.filters.availableNow} />
        </Group>
        <Group label={m.filters.duration}>
          {durations.map((d) => (
            <Chip key={d} query={query} name="duration" value={String(d)} label={m.duration(d)} />
          ))}
        </Group>
        <Group label={m.filters.maxPrice}>
          {PRICE_CAPS.filter((cap) => cap >= DEFAULT_STANDARD_PRICES[capFor] * 0.6).map((cap) => (
            <Chip
              key={cap}
              query={query}
              name="maxPrice"
              value={String(cap)}
              label={m.filters.upTo(formatRupiah(cap, m.moneyLocale))}
            />
          ))}
        </Group>
        <Group label={m.filters.rating}>
          {RATINGS.map((r) => (
            <Chip key={r} query={query} name="minRating" value={r} label={m.filters.ratingAtLeast(r)} />
          ))}
        </Group>
        <Group label={m.filters.language}>
          {languages.map((code) => (
            <Chip key={code} query={query} name="language" value={code} label={languageName(code, m.locale)} />
          ))}
        </Group>
        <Group label={m.filters.massageType}>
          {massageTypes.map((type) => (
            <Chip key={type} query={query} name="massageType" value={type} label={m.massageTypes[type]} />
          ))}
        </Group>
        {active > 0 && (
          <Link
            href={hrefWith(query, Object.fromEntries(panelFilterKeys.map((key) => [key, undefined])))}
            scroll={false}
            className="self-start text-sm font-medium text-tenang-700 underline underline-offset-2"
          >
            {m.filters.clear}
          </Link>
        )}
      </div>
    </details>
  );
}
