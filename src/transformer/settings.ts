/**
 * The recursive-training settings of the transformer experiment, by name, mapped onto the loop
 * engine's schedules (src/loops: the n_t^(m) of Eq (5)) with documents as the unit of data: a
 * document is one text stream of `protocol.streamLength` tokens, t = 0 is the real data (data
 * from p^(0)) and t >= 1 is text sampled from model p^(t).
 */
import { scheduleFor, type Schedule, type Setting } from "../loops/index.ts";

/** A transformer setting: the engine's setting and its sizes, in documents. */
export interface TransformerSetting {
  /** The name it was parsed from, e.g. "mix-80". */
  name: string;
  setting: Setting;
  /** Fraction of real documents, N / (N + n), for the mixes; null otherwise. */
  realShare: number | null;
  /** K of most-recent; null otherwise. */
  window: number | null;
}

/** The accepted names (R and K are numbers: mix-80, mix-50-fresh, most-recent-3). */
export const transformerSettingNames = [
  "fully-synthetic",
  "mix-R",
  "mix-R-fresh",
  "most-recent-K",
  "randomly-sampled",
  "accumulate",
] as const;

/**
 * The setting called `name` (RangeError naming `setting` otherwise):
 * - `fully-synthetic`: each generation trains on text from the previous model only (Theorem 1);
 * - `mix-R`, R in 1..99: R% real documents, the same ones every generation, and (100 - R)% from
 *   the previous model (Partially Synthetic, alpha = 1 - R/100; the paper's Figure 5 uses 50 and 80);
 * - `mix-R-fresh`: as mix-R with fresh real documents every generation (not in the paper);
 * - `most-recent-K`, `randomly-sampled` (Sect. 4.2) and `accumulate` (not in the paper), as in src/loops.
 * @example parseSetting("mix-80"); // => { name: "mix-80", setting: "partially-synthetic", realShare: 0.8, window: null }
 */
export function parseSetting(name: string): TransformerSetting {
  const base = { name, realShare: null, window: null };
  if (name === "fully-synthetic" || name === "randomly-sampled" || name === "accumulate") return { ...base, setting: name };
  const mix = /^mix-(\d{1,2})(-fresh)?$/.exec(name);
  if (mix && Number(mix[1]) >= 1) {
    return { ...base, setting: mix[2] ? "partially-synthetic-fresh" : "partially-synthetic", realShare: Number(mix[1]) / 100 };
  }
  const win = /^most-recent-(\d{1,3})$/.exec(name);
  if (win && Number(win[1]) >= 1) return { ...base, setting: "most-recent", window: Number(win[1]) };
  throw new RangeError(
    `setting must be one of fully-synthetic, mix-R (R% real, 1..99), mix-R-fresh, most-recent-K (K >= 1), randomly-sampled, accumulate; got ${String(name)}`,
  );
}

/**
 * The loop engine's schedule for `setting` when each generation holds `docs` documents:
 * n = docs synthetic documents, except for the mixes, where N = round(R docs) real and n = docs - N.
 * @example transformerSchedule(parseSetting("mix-80"), 64).draws(2, rng); // => [{ t: 0, count: 51 }, { t: 1, count: 13 }]
 */
export function transformerSchedule(setting: TransformerSetting, docs: number): Schedule {
  if (setting.realShare !== null) {
    const N = Math.min(docs - 1, Math.max(1, Math.round(setting.realShare * docs)));
    return scheduleFor(setting.setting, { n: docs - N, N, K: 1, freshReal: false });
  }
  return scheduleFor(setting.setting, { n: docs, N: docs, K: setting.window ?? 1, freshReal: false });
}
