// Writes one benchmark's table into docs/benchmarks.md, replacing that benchmark's previous section.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../docs/benchmarks.md");

const HEADER = `# Benchmarks

Figures written by the scripts under \`bench/\` (\`pnpm --filter @tenang/bench bench\`). Each runs its own baseline in the
same run on the same machine, so read the ratios, not the absolute numbers: these machines are noisy.
`;

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown cpu";
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export function recordSection(id: string, title: string, body: string): void {
  const existing = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : HEADER;
  const start = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const section = `${start}\n## ${title}\n\n_Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine()}._\n\n${body.trim()}\n${end}`;
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  const next = re.test(existing) ? existing.replace(re, section) : `${existing.trimEnd()}\n\n${section}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, next);
}
