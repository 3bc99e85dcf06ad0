/**
 * The recursive-training settings of the transformer experiment as schedules: which documents
 * generation m >= 1 trains on. Sources are the fixed real set (tokens from p^(0): the corpus, or
 * text sampled once from the ground-truth model) and the text banks sampled from past models
 * p^(t), t = 0..m-1 (bank t is sampled from model t right after it is trained).
 * Source: Sect. 2.2, Eq (5); Sect. 4.1 (Fully Synthetic, 50/50, 80% real); Sect. 4.2 (window, pool).
 */
import type { Rng } from "../rng/index.ts";

/** A setting, parsed from its name. */
export type TransformerSetting =
  | { name: string; kind: "mix"; realShare: number }
  | { name: string; kind: "window"; window: number }
  | { name: string; kind: "random-pool" };

/** Names accepted by `parseSetting` (window-K for any K >= 1, mix-R for any R in 0..99). */
export const transformerSettingNames = ["fully-synthetic", "mix-50", "mix-80", "window-K", "random-pool"] as const;

/**
 * The setting called `name`: `fully-synthetic` (real share 0), `mix-R` (R% real, R in 0..99),
 * `window-K` (the K most recent models), `random-pool` (documents drawn from all past models).
 * A RangeError names `setting` otherwise.
 * @example parseSetting("mix-80"); // => { name: "mix-80", kind: "mix", realShare: 0.8 }
 */
export function parseSetting(name: string): TransformerSetting {
  if (name === "fully-synthetic") return { name, kind: "mix", realShare: 0 };
  if (name === "random-pool") return { name, kind: "random-pool" };
  const mix = /^mix-(\d{1,2})$/.exec(name);
  if (mix) return { name, kind: "mix", realShare: Number(mix[1]) / 100 };
  const win = /^window-(\d{1,3})$/.exec(name);
  if (win && Number(win[1]) >= 1) return { name, kind: "window", window: Number(win[1]) };
  throw new RangeError(`setting must be one of fully-synthetic, mix-R (R% real, 0..99), window-K (K >= 1), random-pool; got ${String(name)}`);
}

/** Documents of generation m: the first `real` real documents and, per model t, indices into bank t. */
export interface GenerationPlan {
  real: number;
  fromModels: Array<{ model: number; docs: number[] }>;
}

/**
 * Real documents of every generation m >= 1 of `setting` when a generation holds `docs` documents:
 * round(realShare * docs) for a mix, 0 otherwise.
 * @example realDocuments(parseSetting("mix-80"), 32); // => 26
 */
export function realDocuments(setting: TransformerSetting, docs: number): number {
  return setting.kind === "mix" ? Math.round(setting.realShare * docs) : 0;
}

/** Documents each model's bank must hold for `setting`. */
export function bankDocuments(setting: TransformerSetting, docs: number): number {
  return setting.kind === "mix" ? docs - realDocuments(setting, docs) : docs;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * The plan of generation m >= 1 with `docs` documents per generation.
 * - mix (Fully Synthetic = share 0; Partially Synthetic otherwise, the same real documents every
 *   generation, as in Eq (17)): `real` real documents, the rest from bank m-1.
 * - window-K: docs split evenly over the banks of models max(0, m-K)..m-1 (earlier banks get the remainder).
 * - random-pool: each document from a bank t uniform on 0..m-1, distinct documents within a bank.
 * `rng` is used by random-pool only.
 */
export function generationPlan(setting: TransformerSetting, m: number, docs: number, rng: Rng): GenerationPlan {
  if (setting.kind === "mix") {
    const real = realDocuments(setting, docs);
    return { real, fromModels: [{ model: m - 1, docs: range(docs - real) }] };
  }
  if (setting.kind === "window") {
    const first = Math.max(0, m - setting.window);
    const count = m - first;
    return {
      real: 0,
      fromModels: range(count).map((i) => ({
        model: first + i,
        docs: range(Math.floor(docs / count) + (i < docs % count ? 1 : 0)),
      })),
    };
  }
  const perModel = new Map<number, number[]>();
  const remaining = range(m).map(() => range(docs));
  for (let d = 0; d < docs; d++) {
    const t = Math.floor(rng.uniform() * m);
    const left = remaining[t];
    const j = Math.floor(rng.uniform() * left.length);
    const doc = left[j];
    left[j] = left[left.length - 1];
    left.pop();
    perModel.set(t, [...(perModel.get(t) ?? []), doc]);
  }
  return {
    real: 0,
    fromModels: [...perModel.entries()].sort((a, b) => a[0] - b[0]).map(([model, list]) => ({ model, docs: list })),
  };
}
