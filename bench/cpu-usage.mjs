// CPU use of processes and of the whole machine, from Linux /proc (elsewhere every figure
// is 0), so that a bench can say how much of the machine was its own: another test run on
// the same cores makes every number worse and widens the spread.
import { readdirSync, readFileSync } from 'node:fs';

/** The fields of /proc/<pid>/stat after the command name (state, ppid, …). */
const readStat = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');

/**
 * CPU time (user + system, ms) of processes (exited ones count from their last reading:
 * none); with `exitedChildren`, also that of their children that exited and were waited for.
 */
export function cpuMsOf(pids, { exitedChildren = false } = {}) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readStat(pid);
      // utime, stime, then the waited-for children's cutime, cstime.
      ticks += Number(fields[11]) + Number(fields[12]);
      if (exitedChildren) ticks += Number(fields[13]) + Number(fields[14]);
    } catch {
      // Gone, or not Linux.
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux.
}

/**
 * CPU time (ms) since boot, from /proc/stat: `busyMs`, what all cores spent busy; `stealMs`,
 * of that, what the hypervisor gave to other guests while this machine's cores wanted to
 * run (on a shared virtual machine, time no process here had).
 */
export function machineCpuMs() {
  try {
    // cpu  user nice system idle iowait irq softirq steal …
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { busyMs: (user + nice + system + irq + softirq + steal) * 10, stealMs: steal * 10 };
  } catch {
    return { busyMs: 0, stealMs: 0 };
  }
}

/** A process and all its descendants (a browser's renderer, GPU and utility processes). */
export function descendantsOf(root) {
  if (root === undefined) return [];
  const children = new Map();
  try {
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const parent = Number(readStat(name)[1]);
        children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
      } catch {
        // Exited while listing.
      }
    }
  } catch {
    return [root];
  }
  const all = [root];
  for (let index = 0; index < all.length; index++) all.push(...(children.get(all[index]) ?? []));
  return all;
}

/** Starts measuring; `stop()` returns the machine's and this process tree's CPU use over the interval, in % of one core. */
export function measureMachineLoad() {
  // This process, the demo and the browser are all its descendants.
  const ours = () => cpuMsOf(descendantsOf(process.pid), { exitedChildren: true });
  const started = { wallMs: performance.now(), machineMs: machineCpuMs().busyMs, ourMs: ours() };
  return {
    stop() {
      const wallMs = performance.now() - started.wallMs;
      const machine = machineCpuMs().busyMs - started.machineMs;
      const used = ours() - started.ourMs;
      const pct = (ms) => Math.round((ms / wallMs) * 100);
      return { wallMs: Math.round(wallMs), machinePct: pct(machine), benchPct: pct(used), othersPct: Math.max(0, pct(machine - used)) };
    },
  };
}
