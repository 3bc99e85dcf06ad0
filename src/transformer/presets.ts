/**
 * Settings of the transformer experiment: the model and its training (the paper's Table 1) and
 * the recursive protocol around it (Figure 5). `paper` is Table 1 for a GPU; `tiny` trains a few
 * generations on two CPU cores in well under a minute.
 */
import { checkChoice, checkFinite, checkInInterval, checkIntegerAtLeast } from "../validate.ts";

/** The decoder-only transformer (nanoGPT's GPT, GPT-2 style). */
export interface ModelConfig {
  /** s, the vocabulary size (65 for tiny Shakespeare). */
  vocabSize: number;
  /** Context length (block size): the most tokens the model attends to. */
  contextLength: number;
  embeddingDim: number;
  layers: number;
  heads: number;
  /** Dropout rate after the embeddings, on the attention weights, after each residual branch. */
  dropout: number;
  /** Whether the LM head reuses the token embedding matrix (nanoGPT ties them). */
  tieWeights: boolean;
  /** Biases in the linear maps and layer norms (nanoGPT's train.py default: none). */
  bias: boolean;
}

/** Adam on random windows of the training text. */
export interface TrainConfig {
  learningRate: number;
  batchSize: number;
  iterations: number;
  /** Adam's beta2 (nanoGPT's shakespeare_char uses 0.99). */
  beta2: number;
}

/** The recursive protocol (Figure 5) around the model. */
export interface ProtocolConfig {
  /** Tokens each generation m >= 1 trains on, real and synthetic together (N + n). */
  tokensPerGeneration: number;
  /** Length of each generated text stream (and of each real chunk): a "document". */
  streamLength: number;
  /** Streams generated in parallel (one forward pass per generated token). */
  sampleBatch: number;
  /** Contexts sampled once from p^(0) on which next-token distributions are compared (paper: 300). */
  contexts: number;
  /** Windows of held-out real text on which the validation loss is measured. */
  validationWindows: number;
  /** A next-token probability counts towards the support above this threshold. */
  supportThreshold: number;
  /** Suffix length k: a context's per-generation sample count n is the count of its last k tokens. */
  theorySuffixLength: number;
}

export interface TransformerPreset {
  name: string;
  model: ModelConfig;
  train: TrainConfig;
  protocol: ProtocolConfig;
}

/** The paper's Table 1 (App. C); the protocol sizes are ours (the paper does not give them). */
export const paperPreset: TransformerPreset = {
  name: "paper",
  model: { vocabSize: 65, contextLength: 128, embeddingDim: 256, layers: 8, heads: 4, dropout: 0.2, tieWeights: true, bias: false },
  train: { learningRate: 1e-3, batchSize: 256, iterations: 2000, beta2: 0.99 },
  protocol: {
    tokensPerGeneration: 1 << 18,
    streamLength: 512,
    sampleBatch: 512,
    contexts: 300,
    validationWindows: 1024,
    supportThreshold: 1e-6,
    theorySuffixLength: 4,
  },
};

/** A model small enough to train several generations on two busy CPU cores within a test. */
export const tinyPreset: TransformerPreset = {
  name: "tiny",
  model: { vocabSize: 65, contextLength: 16, embeddingDim: 32, layers: 1, heads: 2, dropout: 0, tieWeights: true, bias: false },
  train: { learningRate: 3e-3, batchSize: 32, iterations: 100, beta2: 0.99 },
  protocol: {
    tokensPerGeneration: 4096,
    streamLength: 64,
    sampleBatch: 64,
    contexts: 300,
    validationWindows: 64,
    supportThreshold: 1e-6,
    theorySuffixLength: 3,
  },
};

export const transformerPresets = { paper: paperPreset, tiny: tinyPreset } as const;
export type TransformerPresetName = keyof typeof transformerPresets;

/**
 * The preset called `name`, a fresh copy (RangeError naming `preset` otherwise).
 * @example transformerPreset("tiny").model.contextLength; // => 16
 */
export function transformerPreset(name: string): TransformerPreset {
  const key = checkChoice(name, "preset", Object.keys(transformerPresets) as TransformerPresetName[]);
  return structuredClone(transformerPresets[key]);
}

/** Checks every field of a preset once (RangeError/TypeError naming the field) and returns it. */
export function checkPreset(preset: TransformerPreset): TransformerPreset {
  const { model, train, protocol } = preset;
  checkIntegerAtLeast(model.vocabSize, "model.vocabSize", 2);
  checkIntegerAtLeast(model.contextLength, "model.contextLength", 1);
  checkIntegerAtLeast(model.embeddingDim, "model.embeddingDim", 1);
  checkIntegerAtLeast(model.layers, "model.layers", 1);
  checkIntegerAtLeast(model.heads, "model.heads", 1);
  if (model.embeddingDim % model.heads !== 0) {
    throw new RangeError(`model.heads must divide model.embeddingDim (${model.embeddingDim}), got ${model.heads}`);
  }
  checkInInterval(model.dropout, "model.dropout", 0, 1);
  if (model.dropout >= 1) throw new RangeError(`model.dropout must be < 1, got ${model.dropout}`);
  if (typeof model.tieWeights !== "boolean") throw new TypeError("model.tieWeights must be a boolean");
  if (typeof model.bias !== "boolean") throw new TypeError("model.bias must be a boolean");
  checkFinite(train.learningRate, "train.learningRate");
  if (!(train.learningRate > 0)) throw new RangeError(`train.learningRate must be > 0, got ${train.learningRate}`);
  checkIntegerAtLeast(train.batchSize, "train.batchSize", 1);
  checkIntegerAtLeast(train.iterations, "train.iterations", 1);
  checkInInterval(train.beta2, "train.beta2", 0, 1, true);
  checkIntegerAtLeast(protocol.streamLength, "protocol.streamLength", model.contextLength + 1);
  checkIntegerAtLeast(protocol.tokensPerGeneration, "protocol.tokensPerGeneration", protocol.streamLength);
  checkIntegerAtLeast(protocol.sampleBatch, "protocol.sampleBatch", 1);
  checkIntegerAtLeast(protocol.contexts, "protocol.contexts", 1);
  checkIntegerAtLeast(protocol.validationWindows, "protocol.validationWindows", 1);
  checkInInterval(protocol.supportThreshold, "protocol.supportThreshold", 0, 1, true);
  checkIntegerAtLeast(protocol.theorySuffixLength, "protocol.theorySuffixLength", 1);
  if (protocol.theorySuffixLength > model.contextLength) {
    throw new RangeError(`protocol.theorySuffixLength must be <= model.contextLength, got ${protocol.theorySuffixLength}`);
  }
  return preset;
}
