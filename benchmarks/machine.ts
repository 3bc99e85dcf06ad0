/** The machine and software a benchmark ran on. */
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, release, totalmem, type } from "node:os";
import type { MachineInfo } from "./types.ts";
import { PEER_THREADS_ENV } from "./peer.ts";

/**
 * The CPU model from /proc/cpuinfo ("model name"), else from os.cpus().
 * @example cpuModel(); // => "AMD EPYC 7763 64-Core Processor"
 */
export function cpuModel(): string {
  try {
    const m = readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.+)$/m);
    if (m) return m[1].trim();
  } catch {
    /* not Linux */
  }
  return cpus()[0]?.model ?? "unknown";
}

function packageVersion(name: string): string {
  try {
    const url = new URL(`../node_modules/${name}/package.json`, import.meta.url);
    return (JSON.parse(readFileSync(url, "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** Everything but the end load average, which the caller fills in when the run is over. */
export function machineInfo(peer: { python: string; numpy: string } | null): MachineInfo {
  return {
    cpu: cpuModel(),
    cores: cpus().length,
    availableParallelism: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    python: peer?.python ?? null,
    numpy: peer?.numpy ?? null,
    mitata: packageVersion("mitata"),
    loadAverageStart: loadavg().map((x) => Math.round(x * 100) / 100),
    loadAverageEnd: [],
    numpyThreads: Object.entries(PEER_THREADS_ENV).map(([k, v]) => `${k}=${v}`).join(" "),
  };
}
