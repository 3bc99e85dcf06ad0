/**
 * The GPU pack is self-contained: built into a temporary folder (without the Vulkan loader, which
 * needs Debian's archive), run from another folder with an empty environment (no Node on the
 * PATH, no node_modules above it), it prints the adapter, measures wasm and webgpu (Mesa's
 * software adapter here) and writes its record and report; the manifest's hashes match the files.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TransformerBenchRecord } from "../transformerBench.ts";
import { buildPack, type PackManifest } from "./buildPack.ts";

describe("GPU pack", () => {
  const scratch = mkdtempSync(join(tmpdir(), "gpu-pack-test-"));
  const pack = join(scratch, "pack");
  const cwd = join(scratch, "elsewhere");
  let manifest: PackManifest;

  beforeAll(async () => {
    manifest = await buildPack({ out: pack, vulkan: "none", tar: false });
    execFileSync("mkdir", ["-p", cwd]);
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("lists every file with its sha256, and holds Node, the bundle, dawn.node, the wasm binaries and the corpus", () => {
    const paths = manifest.files.map((f) => f.path);
    for (const p of ["bin/node", "app/bench.mjs", "app/node_modules/webgpu/dist/linux-x64/dawn.node", "app/wasm/tfjs-backend-wasm-simd.wasm", "app/data/tinyshakespeare.txt", "app/peers/transformer_torch.py", "run.sh"]) {
      expect(paths).toContain(p);
    }
    expect(paths.some((p) => p.includes("darwin") || p.includes("win32"))).toBe(false);
    for (const f of manifest.files) {
      expect(createHash("sha256").update(readFileSync(join(pack, f.path))).digest("hex")).toBe(f.sha256);
    }
    expect(manifest.vulkanLoader).toBeNull();
  });

  it("runs from another folder with an empty environment: adapter first, then wasm and webgpu, record and report written", () => {
    const out = execFileSync(join(pack, "run.sh"), ["--preset", "tiny", "--backends", "wasm,webgpu", "--steps", "1", "--warmup", "1", "--sample-steps", "1", "--reps", "2", "--torch-threads", ""], {
      cwd,
      env: { PATH: "/usr/bin:/bin", HOME: cwd },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines = out.split("\n");
    expect(lines[0]).toMatch(/^pack: node v\d+/);
    expect(lines[1]).toMatch(/^adapter: \S/);
    expect(out).toMatch(/\| tfjs wasm \| WebAssembly/);
    expect(out).toMatch(/\| tfjs webgpu \| /);
    const record = JSON.parse(readFileSync(join(cwd, "pack-results", "transformer-bench-tiny.json"), "utf8")) as TransformerBenchRecord;
    expect(record.tfjs.map((t) => t.backend.backend)).toEqual(["wasm", "webgpu"]);
    expect(record.tfjs.every((t) => t.trainTokensPerSecond > 0 && t.parameters === 14976)).toBe(true);
    expect(record.tfjs.map((t) => t.trainTokensPerSecondReps?.length)).toEqual([2, 2]);
    expect(record.command).toBe("./run.sh --preset tiny --backends wasm,webgpu --steps 1 --warmup 1 --sample-steps 1 --reps 2 --torch-threads ''");
    expect(existsSync(join(cwd, "pack-results", "transformer-bench-tiny.md"))).toBe(true);
  });

  it("a bad option is one line and exit status 2", () => {
    let status = 0;
    let stderr = "";
    try {
      execFileSync(join(pack, "run.sh"), ["--preset", "huge"], { cwd, env: { PATH: "/usr/bin:/bin" }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (err) {
      const e = err as { status: number; stderr: string };
      status = e.status;
      stderr = e.stderr;
    }
    expect(status).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^gpu-pack: preset must be one of/);
  });
});
