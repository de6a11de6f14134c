// Runs every benchmark in turn; each records its section in docs/benchmarks.md.
await import("./rows.bench.ts");
await import("./realtime.bench.ts");
await import("./backup.bench.ts");
