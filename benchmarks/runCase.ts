/**
 * Runs one case: every side (harness and numpy) once per repetition, alternating which goes
 * first (harness first on even repetitions, numpy first on odd ones) so that slow drifts of the
 * machine hit both sides alike; the medians are taken over the repetitions.
 */
import type { Peer } from "./peer.ts";
import { median } from "./stats.ts";
import type { CaseResult, Side } from "./types.ts";

/** What the benchmark knows while it runs. */
export interface BenchContext {
  quick: boolean;
  reps: number;
  seed: number;
  workers: number;
  /** The numpy peer, or null with the reason in peerError. */
  peer: Peer | null;
  peerError: string | null;
  log: (line: string) => void;
}

/** One measurement: seconds per unit, optionally per point, and a checksum of what was drawn. */
export interface Measurement {
  seconds: number;
  perPoint?: number[];
  checksum?: number;
}

/** A harness side: `run` does (and times) one repetition. */
export interface HarnessSpec {
  name: string;
  run: () => Measurement | Promise<Measurement>;
  /** An untimed call before the first repetition (JIT warm-up), e.g. a reduced run. */
  warmUp?: () => unknown;
}

/** A numpy side: the peer op and its arguments; the peer's answer carries seconds (and perN/checksum). */
export interface PeerSpec {
  name: string;
  op: string;
  args: Record<string, unknown>;
  /** Turns the peer's answer into seconds per unit (default: its `seconds`). */
  perUnit?: (answer: PeerAnswer) => number;
}

/** What every peer op answers. */
export interface PeerAnswer {
  seconds: number;
  perN?: number[];
  checksum?: number;
  [key: string]: unknown;
}

export interface CaseSpec {
  id: string;
  label: string;
  unit: CaseResult["unit"];
  parameters: Record<string, number | string>;
  harness: HarnessSpec[];
  peers: PeerSpec[];
  points?: number[];
  notes?: string[];
  /** Repetitions of this case (default ctx.reps). */
  reps?: number;
}

/** Runs a case and returns its result; the last peer answer of each peer is passed to onPeerAnswer. */
export async function runCase(ctx: BenchContext, spec: CaseSpec, onPeerAnswer?: (name: string, answer: PeerAnswer) => void): Promise<CaseResult> {
  const reps = spec.reps ?? ctx.reps;
  ctx.log(`  ${spec.label}`);
  for (const h of spec.harness) await h.warmUp?.();
  const harness: Side[] = spec.harness.map((h) => ({ kind: "harness", name: h.name, seconds: [], median: Number.NaN }));
  const peers: Side[] = spec.peers.map((p) => ({
    kind: "numpy",
    name: p.name,
    seconds: [],
    median: Number.NaN,
    ...(ctx.peer === null ? { unavailable: ctx.peerError ?? "no numpy peer" } : {}),
  }));
  const runHarness = async () => {
    for (let i = 0; i < spec.harness.length; i++) record(harness[i], await spec.harness[i].run());
  };
  const runPeers = async () => {
    if (ctx.peer === null) return;
    for (let i = 0; i < spec.peers.length; i++) {
      const p = spec.peers[i];
      const answer = await ctx.peer.call<PeerAnswer>(p.op, p.args);
      onPeerAnswer?.(p.name, answer);
      record(peers[i], { seconds: p.perUnit ? p.perUnit(answer) : answer.seconds, perPoint: answer.perN, checksum: answer.checksum });
    }
  };
  for (let rep = 0; rep < reps; rep++) {
    if (rep % 2 === 0) {
      await runHarness();
      await runPeers();
    } else {
      await runPeers();
      await runHarness();
    }
  }
  for (const side of [...harness, ...peers]) side.median = median(side.seconds);
  const result: CaseResult = { id: spec.id, label: spec.label, unit: spec.unit, parameters: spec.parameters, sides: [...harness, ...peers] };
  if (spec.points) result.points = spec.points;
  if (spec.notes) result.notes = spec.notes;
  return result;
}

function record(side: Side, m: Measurement): void {
  side.seconds.push(m.seconds);
  if (m.perPoint) (side.perPoint ??= []).push(m.perPoint);
  if (m.checksum !== undefined) side.checksum = m.checksum;
}

/** Median harness seconds / median numpy seconds of a case's sides by name, or null. */
export function ratioOf(c: CaseResult, harnessName: string, peerName: string): number | null {
  const h = c.sides.find((s) => s.kind === "harness" && s.name === harnessName);
  const p = c.sides.find((s) => s.kind === "numpy" && s.name === peerName);
  if (!h || !p || p.unavailable || !(p.median > 0) || !Number.isFinite(h.median)) return null;
  return h.median / p.median;
}
