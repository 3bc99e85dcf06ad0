import { describe, expect, it } from "vitest";
import { plotFiles } from "./plotFiles.ts";

describe("plotFiles", () => {
  it("pairs the SVG and the PNG with their paths", () => {
    const png = new Uint8Array([1, 2]);
    expect(plotFiles("reports/figures/fig2", { svg: "<svg/>", png })).toEqual([
      { path: "reports/figures/fig2.svg", data: "<svg/>" },
      { path: "reports/figures/fig2.png", data: png },
    ]);
    expect(() => plotFiles("", { svg: "", png })).toThrow(/^basePath/);
  });
});
