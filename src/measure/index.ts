export { type SparseCounts, sparseFromDense, denseFromSparse, denseCountsFromSparse } from "./sparseCounts.ts";
export { type DenseReference, probabilityReference, countReference } from "./reference.ts";
export { sigma, sigmaOfCounts } from "./sigma.ts";
export { supNorm, supNormOfCounts } from "./supNorm.ts";
export { l1Distance, l1DistanceToReference } from "./l1Distance.ts";
export {
  l2Distance,
  l2SquaredDistance,
  l2DistanceToReference,
  l2SquaredDistanceToReference,
} from "./l2Distance.ts";
export { entropy, entropyOfCounts } from "./entropy.ts";
export { supportSize, supportSizeOfCounts } from "./supportSize.ts";
export { isCollapsed, isCollapsedCounts } from "./isCollapsed.ts";
export { collapseTimeOf } from "./collapseTimeOf.ts";
