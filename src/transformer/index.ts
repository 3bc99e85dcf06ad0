/**
 * The transformer regime (Sect. 4.1, Figure 5): a nanoGPT-type decoder trained recursively on
 * tiny Shakespeare with tfjs. This is the only folder that imports tfjs; it is not re-exported
 * from src/index.ts so that the rest of the harness loads without it.
 */
export { transformerBackends, type TransformerBackend } from "./backendNames.ts";
export { useBackend, setWasmDirectory, type BackendInfo } from "./backend.ts";
export { charTokenizer, encode, decode, splitTrainValidation, type CharTokenizer } from "./tokenizer.ts";
export { readTinyShakespeare, tinyShakespeareUrl } from "./corpus.ts";
export {
  paperPreset,
  tinyPreset,
  transformerPresets,
  transformerPreset,
  checkPreset,
  type TransformerPreset,
  type TransformerPresetName,
  type ModelConfig,
  type TrainConfig,
  type ProtocolConfig,
} from "./presets.ts";
export {
  initialParamValues,
  paramsFromValues,
  paramValues,
  disposeParams,
  parameterCount,
  forward,
  crossEntropy,
  type TransformerParams,
  type ParamValues,
} from "./model.ts";
export { adam, type Adam, type AdamOptions } from "./adam.ts";
export { lossAndGradients } from "./lossAndGradients.ts";
export { dropoutPool, type DropoutPool } from "./dropoutPool.ts";
export { windowSampler, type WindowSampler, type WindowBatch } from "./textWindows.ts";
export { trainTransformer, meanLoss, logSpacedIterations, type TrainOutcome, type LossPoint } from "./train.ts";
export { nextTokenDistributions, distributionsAt, sampleStreams } from "./nextToken.ts";
export { contextMeasures, theorem1S, impliedSampleCount, suffixCounts, type ContextMeasures } from "./contextMeasures.ts";
export { parseSetting, transformerSchedule, transformerSettingNames, type TransformerSetting } from "./settings.ts";
export {
  runTransformerExperiment,
  protocolNotes,
  type TransformerExperimentOptions,
  type TransformerExperimentRecord,
  type SettingRecord,
  type GenerationRecord,
  type PerContextRecord,
  type ProgressEvent,
  type RealSource,
} from "./experiment.ts";
