#!/usr/bin/env node
// Entry point for `npx collapse-harness`: registers tsx so the TypeScript sources run directly
// (no build step to remember), then hands over to the CLI.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
