#!/usr/bin/env node
// Entry point for `npx collapse-harness`. In a checkout, where the TypeScript sources are, it runs
// them under tsx (an edit needs no rebuild, and a stale build is never run); an installed package
// ships only the build (`npm run build`: JavaScript beside each source file), which plain node runs.
import { existsSync } from "node:fs";

const source = new URL("../src/cli/main.ts", import.meta.url);
let main;
if (existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import(source.href));
} else {
  ({ main } = await import("../src/cli/main.js"));
}
process.exitCode = await main(process.argv.slice(2));
