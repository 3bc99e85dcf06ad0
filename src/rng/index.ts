export { createRng, rngFromState, checkSeed, type Rng } from "./rng.ts";
export { rngStreams, rngStream, deriveSeed } from "./streams.ts";
