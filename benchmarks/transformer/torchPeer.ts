/**
 * The PyTorch peer of the transformer benchmark (benchmarks/peers/transformer_torch.py): finding a
 * Python that has torch, and running the peer on CPU (a given thread count) or on CUDA.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** What the peer prints: versions, where it ran, and tokens/s for training and sampling. */
export interface TorchResult {
  python: string;
  torch: string;
  /** "cpu" or the CUDA device's name. */
  device: string;
  threads: number;
  trainTokensPerSecond: number;
  sampleTokensPerSecond: number;
  [key: string]: unknown;
}

/** The peer script of this checkout (a bundle passes its own copy's path instead). */
export const torchPeerPath = fileURLToPath(new URL("../peers/transformer_torch.py", import.meta.url));

/**
 * The first of `candidates` whose Python imports torch and numpy (Debian's python3-torch lives
 * in /usr/bin/python3, which a pyenv python3 on the PATH hides), or the first candidate.
 * @example pythonWithTorch(["python3", "/usr/bin/python3"]); // => "/usr/bin/python3"
 */
export function pythonWithTorch(candidates: string[]): string {
  for (const python of candidates) {
    try {
      execFileSync(python, ["-c", "import torch, numpy"], { stdio: "ignore" });
      return python;
    } catch {
      // try the next one
    }
  }
  return candidates[0];
}

/** Whether `python`'s torch sees a CUDA device. */
export function torchHasCuda(python: string): boolean {
  try {
    return execFileSync(python, ["-c", "import torch; print(torch.cuda.is_available())"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() === "True";
  } catch {
    return false;
  }
}

/** Runs the peer script at `peerPath` with `args` (its JSON options); throws with its stderr when Python or torch is missing. */
export function runTorchPeer(python: string, peerPath: string, args: Record<string, unknown>): TorchResult {
  const out = execFileSync(python, [peerPath, JSON.stringify(args)], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
    env: { ...process.env, OMP_NUM_THREADS: String(args.threads), PYTHONDONTWRITEBYTECODE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out.trim().split("\n").pop()!) as TorchResult;
}
