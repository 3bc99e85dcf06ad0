#!/usr/bin/env node
// Prints, from coverage/coverage-final.json (written by `npm test`), the files of src/ with
// uncovered statements: line coverage, and the uncovered lines as ranges, most uncovered first.
// `npm run coverage:text [-- --top N]`.
import { readFileSync } from "node:fs";
import { relative } from "node:path";

const top = Number(process.argv[process.argv.indexOf("--top") + 1]) || Infinity;
const data = JSON.parse(readFileSync("coverage/coverage-final.json", "utf8"));
const rows = [];
for (const [file, cov] of Object.entries(data)) {
  const lines = new Map();
  for (const [id, loc] of Object.entries(cov.statementMap)) {
    const line = loc.start.line;
    lines.set(line, lines.get(line) === true || cov.s[id] > 0);
  }
  const uncovered = [...lines].filter(([, hit]) => !hit).map(([line]) => line).sort((a, b) => a - b);
  if (uncovered.length === 0) continue;
  const ranges = [];
  for (const line of uncovered) {
    const last = ranges.at(-1);
    if (last && line - last[1] <= 2) last[1] = line;
    else ranges.push([line, line]);
  }
  rows.push({ file: relative(process.cwd(), file), pct: (100 * (lines.size - uncovered.length)) / lines.size, count: uncovered.length, ranges: ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(",") });
}
rows.sort((a, b) => b.count - a.count);
for (const r of rows.slice(0, top)) console.log(`${r.pct.toFixed(1).padStart(5)}%  ${String(r.count).padStart(4)} uncovered  ${r.file}  ${r.ranges}`);
