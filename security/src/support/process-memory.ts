// The resident memory of a `next start` server and its children, read from /proc (Linux), to show that an attack's
// bodies were refused rather than read. The kit's RunningApp has no pid, so the server is found by its port.
import fs from "node:fs";

function parentOf(pid: string): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces; fields after it are space-separated.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1] ?? null;
  } catch {
    return null;
  }
}

function rssBytes(pid: string): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The inode of the socket listening on `port` (from /proc/net/tcp, where ports are hex and state 0A is LISTEN). */
function listeningInode(port: number): string | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === "0A") return cols[9] ?? null;
    }
  }
  return null;
}

/**
 * The pid that listens on `port`, and all its descendants. (Next renames its process "next-server", so the command
 * line cannot find it; the listening socket can.)
 */
export function processTreeOfPort(port: number): string[] {
  const inode = listeningInode(port);
  if (!inode) throw new Error(`nothing listens on port ${port}`);
  const pids = fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  const root = pids.find((pid) => {
    try {
      return fs.readdirSync(`/proc/${pid}/fd`).some((fd) => {
        try {
          return fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`;
        } catch {
          return false;
        }
      });
    } catch {
      return false;
    }
  });
  if (!root) throw new Error(`no process of ours holds the socket listening on ${port}`);
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const pid of pids) {
      const parent = parentOf(pid);
      if (parent && tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

export function treeRssBytes(pids: readonly string[]): number {
  return pids.reduce((sum, pid) => sum + rssBytes(pid), 0);
}
