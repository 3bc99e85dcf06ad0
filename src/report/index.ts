export { writeFileAtomic, writeFilesAtomic, writeFilesAtomicAsync, sweepStaleTemps, type FileData, type FileToStream, type FileToWrite } from "./atomicWrite.ts";
export { markdownTable, escapeCell, formatNumber, formatInterval, type Align, type Cell } from "./markdown.ts";
export { formatParameters, type ParameterValue } from "./formatParameters.ts";
export { formatJson, jsonChunks, jsonFile, sortKeysDeep } from "./formatJson.ts";
export { verdictsJson, verdictsJsonFile, verdictsJsonForComparison } from "./verdictsJson.ts";
export { verdictsMarkdown, type VerdictsMarkdownOptions } from "./verdictsMarkdown.ts";
export { VOLATILE_REPORT_FIELDS, type ReportFigure, type ReportRecord, type VerdictReport } from "./types.ts";
export * from "./plot/index.ts";
