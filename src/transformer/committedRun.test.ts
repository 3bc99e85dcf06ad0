/**
 * The committed transformer run (reports/transformer/tiny-wasm-seed1.json, behind TRANSFORMER.md)
 * must be what the current code produces: its first generations are rerun here (generation 0 on
 * the corpus and generation 1 of the first setting, about 5 s on wasm) and compared with the
 * record, and TRANSFORMER.md must be the report of that record. Tolerance 1e-4 on losses and
 * means: float rounding of another machine's wasm kernels stays far below it, while any change of
 * the model, the training or the random streams moves them by 1e-2 or more (a record from older
 * code differed by 0.05 in generation 0's validation loss).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkTransformerRecord, transformerReport } from "../report/transformerReport.ts";
import { readTinyShakespeare } from "./corpus.ts";
import { runTransformerExperiment } from "./experiment.ts";

const RUN = "reports/transformer/tiny-wasm-seed1.json";
const root = new URL("../../", import.meta.url);

describe("the committed transformer run", () => {
  const committed = checkTransformerRecord(JSON.parse(readFileSync(new URL(RUN, root), "utf8")), RUN);

  it("is reproduced by the current code (generations 0 and 1)", async () => {
    const first = committed.settings[0];
    const rerun = await runTransformerExperiment({
      preset: committed.preset,
      settings: [first.setting],
      generations: 1,
      seed: committed.seed,
      backend: committed.backend.backend,
      corpus: readTinyShakespeare(),
      realSource: committed.realSource,
    });
    expect(rerun.contexts).toEqual(committed.contexts);
    for (const m of [0, 1]) {
      const a = rerun.settings[0].generations[m];
      const b = first.generations[m];
      expect(a.trainingTokens).toEqual(b.trainingTokens);
      for (const key of ["validationLoss", "l1FromGroundTruth", "sigma", "entropy"] as const) {
        expect(Math.abs(a[key] - b[key]), `generation ${m} ${key}: rerun ${a[key]}, committed ${b[key]}`).toBeLessThan(1e-4);
      }
    }
  });

  it("TRANSFORMER.md is the report of the committed record", () => {
    const { markdown } = transformerReport(committed, { runPath: RUN, outDir: "reports" });
    expect(readFileSync(new URL("reports/TRANSFORMER.md", root), "utf8")).toBe(markdown);
  });
});
