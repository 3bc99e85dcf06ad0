export { createRng, rngFromState, checkSeed, seedState, type Rng } from "./rng.ts";
export { eachRngStream, rngStreams, rngStream, deriveSeed } from "./streams.ts";
