import { describe, expect, it } from "vitest";
import { escapeCell, formatInterval, formatNumber, markdownTable } from "./markdown.ts";

describe("formatNumber", () => {
  it.each([
    [0.109234, "0.1092"],
    [-0.109234, "-0.1092"],
    [1e-300, "1e-300"],
    [5e-324, "4.941e-324"],
    [1.5e-5, "1.5e-5"],
    [0.00012346, "0.0001235"],
    [12345.6, "12350"],
    [123456, "123456"],
    [12345678, "1.235e7"],
    [999999.5, "1e6"],
    [1e21, "1e21"],
    [2.5, "2.5"],
    [0.1 + 0.2, "0.3"],
    [Infinity, "Infinity"],
    [-Infinity, "-Infinity"],
    [NaN, "NaN"],
    [-0, "0"],
    [0, "0"],
  ])("formatNumber(%s) = %s", (x, s) => {
    expect(formatNumber(x)).toBe(s);
  });

  it("honours the number of significant digits", () => {
    expect(formatNumber(Math.PI, 2)).toBe("3.1");
    expect(formatNumber(Math.PI, 8)).toBe("3.1415927");
    expect(formatNumber(2 / 3, 1)).toBe("0.7");
    expect(formatNumber(3.3333e-8, 2)).toBe("3.3e-8");
  });

  it("rejects a bad number of digits", () => {
    expect(() => formatNumber(1, 0)).toThrow(/^sig/);
    expect(() => formatNumber(1, 1.5)).toThrow(TypeError);
  });
});

describe("formatInterval", () => {
  it("formats both ends", () => {
    expect(formatInterval([0.10921, 0.1263])).toBe("[0.1092, 0.1263]");
    expect(formatInterval([-Infinity, 1e-12], 3)).toBe("[-Infinity, 1e-12]");
  });
  it("rejects anything but a pair", () => {
    expect(() => formatInterval([1, 2, 3] as unknown as [number, number])).toThrow(/^interval/);
  });
});

describe("escapeCell", () => {
  it("escapes pipes, keeps a literal backslash before a pipe, flattens line breaks", () => {
    expect(escapeCell("a|b")).toBe("a\\|b");
    expect(escapeCell("a\\|b")).toBe("a\\\\\\|b");
    expect(escapeCell("one\ntwo\r\nthree")).toBe("one two three");
    expect(escapeCell("plain \\ text")).toBe("plain \\ text");
  });
});

describe("markdownTable", () => {
  it("renders headers, alignment and rows, numbers through formatNumber", () => {
    const table = markdownTable(["name", "value"], [["x|y", 0.109234], ["z", -0]], ["left", "right"]);
    expect(table).toBe("| name | value |\n| :--- | ---: |\n| x\\|y | 0.1092 |\n| z | 0 |\n");
  });
  it("keeps the column count of every row equal to the header's, even with pipes in cells", () => {
    const table = markdownTable(["a", "b", "c"], [["|", "||", "a | b"]]);
    for (const line of table.trimEnd().split("\n")) {
      expect(line.replace(/\\\|/g, "").split("|").length - 2).toBe(3);
    }
  });
  it("defaults to left alignment and accepts centre", () => {
    expect(markdownTable(["a", "b"], [], [ "center", "left"]).split("\n")[1]).toBe("| :---: | :--- |");
    expect(markdownTable(["a"], []).split("\n")[1]).toBe("| :--- |");
  });
  it("rejects ragged rows and a wrong alignment length", () => {
    expect(() => markdownTable(["a", "b"], [["1"]])).toThrow(/^rows\[0\]/);
    expect(() => markdownTable(["a", "b"], [], ["left"])).toThrow(/^align/);
    expect(() => markdownTable([], [])).toThrow(/^headers/);
  });
});
