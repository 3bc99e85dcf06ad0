// Monte Carlo checks at a false-alarm rate of 1e-8 each (statementCheck.testkit: seed 1).
import { describe, expect, it } from "vitest";
import { reference } from "../implementation.ts";
import { runCheck } from "../runCheck.ts";
import { SAMPLER_PATHS } from "../simulationPaths.ts";
import { samplerBinomialStatement } from "./samplerBinomial.ts";
import {
  countRatioRegime,
  samplerBinomialLawStatement,
  samplerLawStatements,
  samplerMultinomialLawStatement,
  samplerRealCorpusLawStatement,
} from "./samplerLaws.ts";
import { TEST_DELTA, bugImplementation, expectStatementPoint, verdictAt } from "./statementCheck.testkit.ts";

describe("sampler-*-law", () => {
  it("every sampler path draws its exact law at every point", () => {
    for (const st of samplerLawStatements(reference)) {
      st.points.forEach((point, i) => {
        const rec = expectStatementPoint(st, i);
        expect(rec.replicates, `${st.id} ${JSON.stringify(point)}`).toBe(Number(point.runs));
        expect(rec.kind).toBe("extension");
      });
    }
  });

  it("together cover every sampler path of SAMPLER_PATHS", () => {
    const covered = samplerLawStatements(reference).flatMap((s) => s.covers ?? []);
    expect([...covered].sort()).toEqual([...SAMPLER_PATHS].sort());
  });

  it("each point reaches the branch it names, and a point that does not is inconclusive", () => {
    const binomial = samplerBinomialLawStatement(reference);
    expect(new Set(binomial.points.map((p) => p.regime))).toEqual(new Set(["inversion", "btrd"]));
    const multinomial = samplerMultinomialLawStatement(reference);
    expect(new Set(multinomial.points.map((p) => p.method))).toEqual(new Set(["categorical", "binomial"]));
    const rec = runCheck(binomial, { n: 20, p: 0.3, regime: "btrd", runs: 1000 }, { seed: 1, delta: TEST_DELTA, extended: false });
    expect(rec.verdict).toBe("inconclusive");
    expect(rec.evidence).toMatch(/reaches the inversion branch, not btrd/);
    expect(countRatioRegime(30, 5, 17)).toBe("from-zero");
    expect(countRatioRegime(60, 25, 40)).toBe("from-mode");
    expect(countRatioRegime(1000, 300, 1000)).toBe("btrd");
    expect(countRatioRegime(10, 7, 7)).toBe("trivial");
  });

  it("refute planted bugs that the binomial mean check does not see", () => {
    const stepOne = bugImplementation("btrd-step-one-only");
    const law = samplerBinomialLawStatement(stepOne);
    expect(verdictAt(law, law.points[3])).toBe("refuted");
    // inversion is untouched
    expect(verdictAt(law, law.points[0])).toBe("holds");
    const mean = samplerBinomialStatement(stepOne);
    for (const point of mean.points) expect(verdictAt(mean, point), JSON.stringify(point)).toBe("holds");
    const corpus = samplerRealCorpusLawStatement(bugImplementation("corpus-subset-with-replacement"));
    for (const point of corpus.points) expect(verdictAt(corpus, point), JSON.stringify(point)).toBe("refuted");
    // and the biased binomial of the older catalogue
    expect(verdictAt(samplerBinomialLawStatement(bugImplementation("binomial-biased")), law.points[3])).toBe("refuted");
  });
});
