// How busy the machine was while the first-frame bench ran, and how much of that was not
// the bench (another test run on the same cores slows both pages, and widens the spread).
// Linux /proc only; elsewhere every figure is 0.
import { readdirSync, readFileSync } from 'node:fs';

/** Starts measuring; `stop()` returns CPU use over the interval, in % of one core. */
export function measureMachineLoad() {
  const started = { wallMs: performance.now(), machineMs: machineBusyMs(), ourMs: cpuMsOf(descendantsOf(process.pid)) };
  return {
    stop() {
      const wallMs = performance.now() - started.wallMs;
      const machine = machineBusyMs() - started.machineMs;
      // This process, the demo and the browser are all its descendants.
      const ours = cpuMsOf(descendantsOf(process.pid)) - started.ourMs;
      const pct = (ms) => Math.round((ms / wallMs) * 100);
      return { wallMs: Math.round(wallMs), machinePct: pct(machine), benchPct: pct(ours), othersPct: Math.max(0, pct(machine - ours)) };
    },
  };
}

/** CPU time (user + system, ms) of processes, from /proc (exited ones count from their last reading: none). */
function cpuMsOf(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readStat(pid);
      // utime, stime, and the waited-for children's cutime, cstime.
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // Gone, or not Linux.
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux.
}

/** CPU time (ms) all cores spent busy since boot. */
function machineBusyMs() {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq + steal) * 10;
  } catch {
    return 0;
  }
}

/** A process and all its descendants. */
function descendantsOf(root) {
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

/** The fields of /proc/<pid>/stat after the command name (state, ppid, …). */
const readStat = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
