export { createRng, rngFromState, checkSeed, seedState, type Rng } from "./rng.ts";
export { rngStreams, rngStream, deriveSeed } from "./streams.ts";
