// Child processes of the bench: each server runs in its own process group (`next start` runs
// next-server as a child), so stopping it means signalling the group, and the bench stops every
// group it started however it ends.

import { execFile, spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import net from "node:net";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);
const groups = new Set();

/** Starts `command` in a new process group, its output appended to `logFile`. */
export function startGroup(name, command, args, { env, cwd, logFile }) {
  // A file, not a pipe: a server never blocks or dies on a full or broken pipe of the bench.
  const log = openSync(logFile, "a");
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", log, log] });
  closeSync(log);
  const handle = { name, child, pid: child.pid, logFile, exited: false };
  child.on("exit", () => {
    handle.exited = true;
  });
  groups.add(handle);
  return handle;
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is gone
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the group, SIGKILL to what is left after `graceMs`. */
export async function stopGroup(handle, graceMs = 3000) {
  if (!groups.has(handle)) return;
  groups.delete(handle);
  if (!signalGroup(handle.pid, "SIGTERM")) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && groupAlive(handle.pid)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  signalGroup(handle.pid, "SIGKILL");
}

export async function stopAllGroups() {
  await Promise.all([...groups].map((handle) => stopGroup(handle)));
}

/** Last resort on exit: synchronous, so it also runs from process.on("exit"). */
export function killAllGroupsNow() {
  for (const handle of groups) signalGroup(handle.pid, "SIGKILL");
  groups.clear();
}

/** Resolves when `url` answers 2xx; rejects after `timeoutMs` or when `handle` exits. */
export async function waitForUrl(url, { handle, timeoutMs = 180_000, what = url } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (handle?.exited) {
      throw new Error(`${what} exited before it answered (log: ${handle.logFile})`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/** Fails early and clearly when a port the bench needs is taken. */
export function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", () =>
      reject(new Error(`port ${port} is in use: free it or choose other ports (see --help)`)),
    );
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () =>
      server.close(() => resolve()),
    );
  });
}

/**
 * The processes of a group with their resident memory, in KiB. `next start` keeps a small parent
 * and runs the server in a child whose title starts with "next-server"; that one is the server.
 */
export async function groupProcesses(pgid) {
  try {
    // procps' `ps -g` selects sessions, not process groups: list all and filter on the group.
    const { stdout } = await execFileAsync("ps", ["-e", "-o", "pid=,pgid=,rss=,args="]);
    return stdout
      .split("\n")
      .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/))
      .filter((match) => match && Number(match[2]) === pgid)
      .map(([, pid, , rss, args]) => ({ pid: Number(pid), rssKiB: Number(rss), args }));
  } catch {
    return [];
  }
}

/** RSS in MiB of the group's next-server process (the largest process when none is named so). */
export async function serverRssMiB(pgid) {
  const processes = await groupProcesses(pgid);
  if (processes.length === 0) return null;
  const named = processes.filter((p) => /next-server/.test(p.args));
  const pool = named.length > 0 ? named : processes;
  const server = pool.reduce((a, b) => (b.rssKiB > a.rssKiB ? b : a));
  return { pid: server.pid, rssMiB: server.rssKiB / 1024, title: server.args.slice(0, 60) };
}
