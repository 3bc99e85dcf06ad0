#!/usr/bin/env node
// The package as a user gets it (issue 10 (11)): `npm pack` (which runs `prepare`, the build) into
// a temporary folder, `npm install` of the tarball in a new project (from npm's cache where it can),
// then, there: plain `node` imports it, `npx collapse-harness --version`, a simulate run, verify
// on two worker threads (the workers load the build's .js files), a TypeScript file run under
// tsx, and the declarations type-check a consumer. Prints one line per step and `package: ok`;
// exits 1 at the first failure. Run by `npm run check:package`: about 30 s on 2 cores with npm's
// cache warm; it needs the registry (or a cache holding every dependency's metadata), so it is a
// scripted check, not part of `npm test`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const work = mkdtempSync(join(tmpdir(), "collapse-harness-package-"));
const keep = process.argv.includes("--keep");
const started = Date.now();

function run(what, command, args, options = {}) {
  const t = Date.now();
  try {
    const out = execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...options });
    console.log(`${what}: ok (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    return out;
  } catch (err) {
    console.error(`${what}: FAILED\n${err.stdout ?? ""}${err.stderr ?? err.message}`);
    process.exit(1);
  }
}

function expect(what, ok, detail) {
  if (!ok) {
    console.error(`${what}: FAILED: ${detail}`);
    process.exit(1);
  }
}

try {
  const packed = JSON.parse(run("npm pack (prepare builds)", "npm", ["pack", "--json", "--pack-destination", work], { cwd: root }));
  const tarball = join(work, packed[0].filename);
  const project = join(work, "user");
  run("new project", "mkdir", ["-p", project]);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user", version: "1.0.0", private: true, type: "module" }, null, 2));
  run("npm install the tarball", "npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], { cwd: project });

  const cwd = project;
  const keys = run("plain node imports it", "node", ["-e", "import('collapse-harness').then((m) => console.log(Object.keys(m).length, m.createRng(1).uniform()))"], { cwd });
  expect("exports", Number(keys.split(" ")[0]) > 50, keys);
  const v = run("npx collapse-harness --version", "npx", ["--no-install", "collapse-harness", "--version"], { cwd });
  expect("--version", v.trim() === version, `${v.trim()} != ${version}`);
  run("simulate from the build", "npx", ["--no-install", "collapse-harness", "simulate", "--runs", "3", "--no-progress", "--out", "out/s.json"], { cwd });
  const verified = run("verify on 2 worker threads from the build", "npx", ["--no-install", "collapse-harness", "verify", "--only", "sampler-binomial", "--workers", "2", "--no-figures", "--out", "out/v"], { cwd });
  expect("verify", /sampler-binomial/.test(verified) || verified.length > 0, verified);

  writeFileSync(join(project, "use.ts"), 'import { createRng, type Rng } from "collapse-harness";\nconst rng: Rng = createRng(1);\nconsole.log(rng.uniform().toFixed(6));\n');
  const tsOut = run("a TypeScript import under tsx", "node", ["--import", "tsx", "use.ts"], { cwd });
  const jsOut = run("the same under plain node", "node", ["--input-type=module", "-e", 'import { createRng } from "collapse-harness"; console.log(createRng(1).uniform().toFixed(6));'], { cwd });
  expect("tsx and node agree", tsOut === jsOut, `${tsOut} != ${jsOut}`);
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, noEmit: true, allowImportingTsExtensions: true, skipLibCheck: true, types: [] }, files: ["use.ts"] }),
  );
  run("the declarations type-check a consumer", join(root, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], { cwd });
  console.log(`package: ok (${((Date.now() - started) / 1000).toFixed(0)} s)`);
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
