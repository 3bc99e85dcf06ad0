import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createRng } from "../rng/index.ts";
import { checkDistribution } from "../validate.ts";
import { dirichlet, initialDistribution, targetS0, uniform, zipf } from "./index.ts";

describe("initialDistribution", () => {
  it("dispatches every kind", () => {
    expect(initialDistribution({ kind: "uniform", s: 600, support: 52 })).toEqual(uniform(600, 52));
    expect(initialDistribution({ kind: "target", s: 600, support: 52, S0: 0.1 })).toEqual(targetS0(600, 52, 0.1));
    expect(initialDistribution({ kind: "zipf", s: 600, support: 52, a: 1.5 })).toEqual(zipf(600, 1.5, 52));
    expect(initialDistribution({ kind: "dirichlet", s: 20, a: 0.5 }, createRng(4))).toEqual(dirichlet(createRng(4), 20, 0.5));
    const corpus = initialDistribution({ kind: "corpus", s: 65 });
    expect(corpus.length).toBe(65);
    checkDistribution(corpus, "p");
    const file = join(mkdtempSync(join(tmpdir(), "init-index-")), "p.json");
    writeFileSync(file, "[0.5, 0.5]");
    expect(Array.from(initialDistribution({ kind: "json", s: 2, file }))).toEqual([0.5, 0.5]);
    expect(Array.from(initialDistribution({ kind: "json", s: 4, file }))).toEqual([0.5, 0.5, 0, 0]);
  });

  it("rejects bad specs naming the parameter", () => {
    expect(() => initialDistribution({ kind: "nope" as never, s: 3 })).toThrow(/^init/);
    expect(() => initialDistribution({ kind: "target", s: 600, support: 52 })).toThrow(/^S0/);
    expect(() => initialDistribution({ kind: "target", s: 600, support: 52, S0: 0.001 })).toThrow(/^S0/);
    expect(() => initialDistribution({ kind: "uniform", s: 600, support: 601 })).toThrow(/^support/);
    expect(() => initialDistribution({ kind: "zipf", s: 10 })).toThrow(/^a /);
    expect(() => initialDistribution({ kind: "dirichlet", s: 10, a: 1 })).toThrow(/^rng/);
    expect(() => initialDistribution({ kind: "json", s: 10 })).toThrow(/^file/);
    expect(() => initialDistribution({ kind: "corpus", s: 600 })).toThrow(/^s /);
    expect(() => initialDistribution({ kind: "uniform", s: Number.NaN })).toThrow(TypeError);
  });
});
