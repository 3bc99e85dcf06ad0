import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Plain node, without the tsx loader vitest or a shell may have put in NODE_OPTIONS. */
function plainNode(script: string): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8", env });
}

describe("the build plain Node imports (issue 10 (11)); `npm run check:package` installs the packed tarball in a new project", () => {
  it("npm run build emits JavaScript and declarations; import('collapse-harness') resolves to them; worker threads run from the build", () => {
    const build = spawnSync(process.execPath, [fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url)), "-p", "tsconfig.build.json"], { cwd: root, encoding: "utf8" });
    expect(build.stdout + build.stderr).toBe("");
    expect(build.status).toBe(0);
    expect(existsSync(new URL("./index.d.ts", import.meta.url))).toBe(true);
    const r = plainNode(`
      const m = await import("collapse-harness");
      const where = import.meta.resolve("collapse-harness");
      const p = [0.5, 0.3, 0.2];
      const one = JSON.stringify(m.collapseTimes(3, p, 10, 12, 1e5));
      const two = JSON.stringify(await m.collapseTimesParallel(3, p, 10, 12, 1e5, { workers: 2 }));
      console.log(JSON.stringify({ where: where.slice(-12), rng: typeof m.createRng, verify: typeof m.verify, same: one === two }));
    `);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ where: "src/index.js", rng: "function", verify: "function", same: true });
  }, 60_000);
});
