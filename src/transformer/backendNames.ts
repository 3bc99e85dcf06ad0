/** The tfjs backends the transformer runs on (no tfjs import here, so the CLI can list them cheaply). */
export const transformerBackends = ["cpu", "wasm", "webgpu"] as const;
export type TransformerBackend = (typeof transformerBackends)[number];
