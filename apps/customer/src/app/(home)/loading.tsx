// Placeholder cards while the list loads, shaped like the real ones so nothing jumps.
export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite" className="flex flex-col gap-3 pt-2">
      <div className="h-9 w-2/3 animate-pulse rounded-lg bg-sand-200" />
      <div className="h-5 w-5/6 animate-pulse rounded bg-sand-100" />
      {[0, 1, 2].map((index) => (
        <div key={index} className="h-44 animate-pulse rounded-2xl border border-sand-200 bg-white" />
      ))}
    </div>
  );
}
