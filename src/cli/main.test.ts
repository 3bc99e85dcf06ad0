import { describe, expect, it, vi } from "vitest";
import { main } from "./main.ts";

describe("cli main", () => {
  it("prints help and exits 0", async () => {
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    expect(await main(["--help"])).toBe(0);
    expect(out.mock.calls.map((c) => String(c[0])).join("")).toMatch(/alpha\s+n\/\(N\+n\)/);
    out.mockRestore();
  });
  it("exits 2 on an unknown command", async () => {
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(await main(["no-such-command"])).toBe(2);
    err.mockRestore();
  });
});
