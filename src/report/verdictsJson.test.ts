import { describe, expect, it } from "vitest";
import { sampleReport } from "./sampleReport.ts";
import type { VerdictReport } from "./types.ts";
import { verdictsJson, verdictsJsonForComparison } from "./verdictsJson.ts";

/** The same data with every object's keys inserted in reverse order. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).reverse().map((k) => [k, reverseKeys((value as Record<string, unknown>)[k])])) as T;
  }
  return value;
}

describe("verdictsJson", () => {
  it("is byte-identical for identical data, whatever the key insertion order", () => {
    const a = verdictsJson(sampleReport());
    expect(verdictsJson(sampleReport())).toBe(a);
    expect(verdictsJson(reverseKeys(sampleReport()))).toBe(a);
  });

  it("puts keys in the record's field order, 2-space indent, trailing newline", () => {
    const text = verdictsJson(sampleReport());
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.startsWith('{\n  "tool": "collapse-harness",\n  "version": "0.1.0",\n  "commit": "deadbeef",\n  "seed": 42,\n')).toBe(true);
    const record = text.slice(text.indexOf('"records"'));
    const order = ["id", "title", "where", "kind", "expected", "method", "relation", "parameters", "predicted", "estimate", "interval",
      "replicates", "delta", "epsilon", "tightness", "verdict", "evidence", "seed", "hash"].map((k) => record.indexOf(`"${k}":`));
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(text).toContain('"parameters": {\n        "N": 100,\n        "n": 10,\n        "p": [0.5, 0.3, 0.2],\n        "s": 600\n      }');
    expect(text).toContain('"interval": [0.1251, 0.1271]');
  });

  it("keeps full precision and every field (the parsed text equals the input)", () => {
    const report = sampleReport();
    const parsed = JSON.parse(verdictsJson(report)) as VerdictReport;
    expect(parsed).toEqual(report);
    expect(parsed.records[0].estimate).toBe(0.12610000000000002);
    expect(parsed.records[0].delta).toBe(3.3333333333333335e-8);
  });

  it("writes extra fields after the known ones, sorted", () => {
    const report = sampleReport();
    (report.records[0] as unknown as Record<string, unknown>).details = { zeta: 1, alpha: [1, 2] };
    const text = verdictsJson(report);
    expect(text.indexOf('"details"')).toBeGreaterThan(text.indexOf('"hash"'));
    expect(text).toContain('"details": {\n        "alpha": [1, 2],\n        "zeta": 1\n      }');
  });

  it("compares equal across runs that differ only in commit and duration", () => {
    const a = sampleReport();
    const b = { ...sampleReport(), commit: "cafe", durationSeconds: 99 };
    const c = sampleReport();
    delete c.durationSeconds;
    expect(verdictsJson(a)).not.toBe(verdictsJson(b));
    expect(verdictsJsonForComparison(verdictsJson(b))).toBe(verdictsJsonForComparison(verdictsJson(a)));
    expect(verdictsJsonForComparison(verdictsJson(c))).toBe(verdictsJsonForComparison(verdictsJson(a)));
    const d = sampleReport();
    d.records[0].estimate += 1e-12;
    expect(verdictsJsonForComparison(verdictsJson(d))).not.toBe(verdictsJsonForComparison(verdictsJson(a)));
  });

  it("rejects a report without records", () => {
    expect(() => verdictsJson({ ...sampleReport(), records: undefined as unknown as [] })).toThrow(/^report\.records/);
  });
});
