/**
 * Builds the GPU pack: one folder (and, with `--tar`, one .tar.xz of about 35 MB) that runs the
 * transformer benchmark on a Linux x86-64 machine that has no Node and cannot download anything
 * (the NVIDIA H200 of the device tool). It holds:
 *   bin/node                       this Node binary (process.execPath)
 *   lib/libvulkan.so.1             the Vulkan loader, from Debian's libvulkan1 (Dawn dlopens it)
 *   app/bench.mjs                  an esbuild bundle of pack/packEntry.ts (tfjs and the harness)
 *   app/node_modules/webgpu/       the `webgpu` package trimmed to Linux x86-64 (index.js, dawn.node)
 *   app/wasm/*.wasm                tfjs-backend-wasm's binaries
 *   app/data/tinyshakespeare.txt   the corpus;  app/peers/transformer_torch.py  the PyTorch peer
 *   run.sh, README.md, MANIFEST.json (versions, git commit, sha256 of every file)
 *
 *   npx tsx benchmarks/transformer/pack/buildPack.ts --out dist/gpu-pack --tar
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { packReadme, runScript } from "./packScripts.ts";

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL("../../../", import.meta.url));

export interface PackOptions {
  /** The folder to create (replaced if it exists). */
  out: string;
  /** Where the Vulkan loader comes from: a libvulkan1 .deb, "download" (apt-get download libvulkan1), or "none". */
  vulkan: string;
  /** Also write `${out}.tar.xz`. */
  tar: boolean;
  log?: (line: string) => void;
}

export interface PackManifest {
  kind: "collapse-harness-gpu-pack";
  gitCommit: string;
  node: string;
  platform: string;
  packages: Record<string, string>;
  vulkanLoader: string | null;
  files: Array<{ path: string; bytes: number; sha256: string }>;
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

function gitCommit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" }).trim() !== "";
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return "unknown";
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : [p];
  });
}

function copy(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

/** Extracts libvulkan.so.1 (and its copyright) from a libvulkan1 .deb into `lib`; returns the loader's version. */
function addVulkanLoader(source: string, lib: string, log: (line: string) => void): string {
  let deb = source;
  const scratch = mkdtempSync(join(tmpdir(), "gpu-pack-vulkan-"));
  try {
    if (source === "download") {
      log("downloading Debian's libvulkan1 (apt-get download)");
      execFileSync("apt-get", ["download", "libvulkan1"], { cwd: scratch, stdio: ["ignore", "ignore", "pipe"] });
      deb = join(scratch, readdirSync(scratch).find((f) => f.endsWith(".deb"))!);
    }
    const tree = join(scratch, "tree");
    execFileSync("dpkg-deb", ["-x", deb, tree]);
    const libDir = join(tree, "usr", "lib", "x86_64-linux-gnu");
    const real = readdirSync(libDir).find((f) => /^libvulkan\.so\.1\.\d+/.test(f));
    if (!real) throw new Error(`vulkan: no libvulkan.so.1.* in ${deb}`);
    copy(join(libDir, real), join(lib, "libvulkan.so.1"));
    copy(join(tree, "usr", "share", "doc", "libvulkan1", "copyright"), join(lib, "libvulkan1.copyright"));
    return real.replace(/^libvulkan\.so\./, "");
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Builds the pack; returns its manifest. */
export async function buildPack(o: PackOptions): Promise<PackManifest> {
  const log = o.log ?? (() => {});
  if (process.platform !== "linux" || process.arch !== "x64") throw new Error(`the pack is built for linux-x64; this is ${process.platform}-${process.arch}`);
  const out = resolve(o.out);
  rmSync(out, { recursive: true, force: true });
  const app = join(out, "app");
  mkdirSync(app, { recursive: true });

  log("bundling app/bench.mjs");
  await build({
    entryPoints: [join(root, "benchmarks", "transformer", "pack", "packEntry.ts")],
    outfile: join(app, "bench.mjs"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: ["webgpu"],
    minify: true,
    legalComments: "eof",
    logLevel: "error",
    // CommonJS parts of tfjs (the wasm backend's Emscripten glue) use require, __filename and
    // __dirname, which an ESM bundle must define.
    banner: {
      js: [
        'import { createRequire as __packRequire } from "node:module";',
        'import { fileURLToPath as __packPath } from "node:url";',
        'import { dirname as __packDirname } from "node:path";',
        "const require = __packRequire(import.meta.url);",
        "const __filename = __packPath(import.meta.url);",
        "const __dirname = __packDirname(__filename);",
      ].join(" "),
    },
  });

  const webgpuDir = dirname(require.resolve("webgpu/package.json"));
  const webgpuOut = join(app, "node_modules", "webgpu");
  const webgpuPackage = JSON.parse(readFileSync(join(webgpuDir, "package.json"), "utf8")) as Record<string, unknown>;
  const trimmed = { name: webgpuPackage.name, version: webgpuPackage.version, type: webgpuPackage.type, main: webgpuPackage.main, license: webgpuPackage.license };
  mkdirSync(webgpuOut, { recursive: true });
  writeFileSync(join(webgpuOut, "package.json"), `${JSON.stringify(trimmed, null, 2)}\n`);
  for (const f of ["index.js", "LICENSE.md", join("dist", "linux-x64", "dawn.node")]) copy(join(webgpuDir, f), join(webgpuOut, f));

  const wasmDir = dirname(require.resolve("@tensorflow/tfjs-backend-wasm"));
  for (const f of readdirSync(wasmDir).filter((f) => f.endsWith(".wasm"))) copy(join(wasmDir, f), join(app, "wasm", f));
  copy(join(root, "data", "tinyshakespeare.txt"), join(app, "data", "tinyshakespeare.txt"));
  copy(join(root, "data", "README.md"), join(app, "data", "README.md"));
  copy(join(root, "benchmarks", "peers", "transformer_torch.py"), join(app, "peers", "transformer_torch.py"));

  copy(process.execPath, join(out, "bin", "node"));
  chmodSync(join(out, "bin", "node"), 0o755);
  const vulkanLoader = o.vulkan === "none" ? null : addVulkanLoader(o.vulkan, join(out, "lib"), log);

  writeFileSync(join(out, "run.sh"), runScript());
  chmodSync(join(out, "run.sh"), 0o755);
  writeFileSync(join(out, "README.md"), packReadme());

  const files = listFiles(out)
    .map((p) => ({ path: relative(out, p), bytes: statSync(p).size, sha256: createHash("sha256").update(readFileSync(p)).digest("hex") }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  const manifest: PackManifest = {
    kind: "collapse-harness-gpu-pack",
    gitCommit: gitCommit(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    packages: Object.fromEntries(["@tensorflow/tfjs", "@tensorflow/tfjs-backend-wasm", "@tensorflow/tfjs-backend-webgpu", "webgpu"].map((n) => [n, packageVersion(n)])),
    vulkanLoader,
    files,
  };
  writeFileSync(join(out, "MANIFEST.json"), `${JSON.stringify(manifest, null, 1)}\n`);

  if (o.tar) {
    log(`compressing ${basename(out)}.tar.xz`);
    const tmp = `${out}.tar.xz.${process.pid}.tmp`;
    execFileSync("tar", ["-C", dirname(out), "-cf", tmp, "--use-compress-program=xz -6 -T0", basename(out)]);
    execFileSync("mv", ["-f", tmp, `${out}.tar.xz`]);
  }
  return manifest;
}

async function cli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: "string", default: "dist/gpu-pack" },
      vulkan: { type: "string", default: "download" },
      tar: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      "Usage: npx tsx benchmarks/transformer/pack/buildPack.ts [--out dist/gpu-pack] [--vulkan download|none|FILE.deb] [--tar]\n",
    );
    return;
  }
  const manifest = await buildPack({ out: values.out!, vulkan: values.vulkan!, tar: values.tar!, log: (l) => process.stderr.write(`gpu-pack: ${l}\n`) });
  const bytes = manifest.files.reduce((a, f) => a + f.bytes, 0);
  process.stdout.write(`${values.out}: ${manifest.files.length} files, ${(bytes / 2 ** 20).toFixed(1)} MiB unpacked\n`);
  if (values.tar && existsSync(`${values.out}.tar.xz`)) {
    process.stdout.write(`${values.out}.tar.xz: ${(statSync(`${values.out}.tar.xz`).size / 2 ** 20).toFixed(1)} MiB\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await cli();
  } catch (err) {
    process.stderr.write(`gpu-pack: ${(err as Error).message}\n`);
    process.exit(2);
  }
}
