import { describe, expect, it } from "vitest";
import { reference } from "./implementation.ts";
import { statementsFor } from "./registry.ts";
import { simulationPaths } from "./simulationPaths.ts";

describe("simulation paths under exact identities", () => {
  const statements = statementsFor(reference);
  const paths = simulationPaths();

  it("every simulation path is held by a Monte Carlo statement to an exact value", () => {
    const uncovered = paths.filter((path) => !statements.some((s) => s.method === "monte-carlo" && s.covers?.includes(path)));
    expect(uncovered).toEqual([]);
  });

  it("statements claim only paths that exist, and only Monte Carlo statements claim any", () => {
    const known = new Set(paths);
    for (const s of statements) {
      for (const path of s.covers ?? []) expect(known.has(path), `${s.id} covers unknown path ${path}`).toBe(true);
      if (s.covers && s.covers.length > 0) expect(s.method, s.id).toBe("monte-carlo");
    }
  });

  it("lists every setting x measure, both collapse-time methods, the samplers and the multi-context paths", () => {
    expect(paths).toContain("setting:randomly-sampled/measure:entropy");
    expect(paths).toContain("collapse-time:fixing-token");
    expect(paths).toContain("sampler:binomial-btrd");
    expect(paths).toContain("contexts:markov-text");
    expect(new Set(paths).size).toBe(paths.length);
  });
});
