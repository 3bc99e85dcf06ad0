/**
 * The numpy peer: one `python3 benchmarks/peers/peer.py` process per benchmark run, answering
 * JSON-lines requests (see peer.py). The peer times its own inner loop with perf_counter, so the
 * process start, numpy's import and the pipe are outside every measured time.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The folder of the peer scripts. */
export const PEERS_DIR = fileURLToPath(new URL("./peers/", import.meta.url));

/** The peer's thread settings: numpy's BLAS runs on one thread, as the harness does. */
export const PEER_THREADS_ENV = { OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", MKL_NUM_THREADS: "1" } as const;

/** A running peer. */
export interface Peer {
  python: string;
  numpy: string;
  /** Sends {op, args} and resolves to the peer's result (rejects on a peer-side error). */
  call<T = Record<string, unknown>>(op: string, args: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Starts the peer with `python` (e.g. "python3"); rejects with the reason when Python or numpy is
 * missing.
 * @example const peer = await startPeer("python3"); peer.numpy; // => "2.4.6"
 */
export async function startPeer(python = "python3"): Promise<Peer> {
  const child: ChildProcessWithoutNullStreams = spawn(python, ["peer.py"], {
    cwd: PEERS_DIR,
    env: { ...process.env, ...PEER_THREADS_ENV, PYTHONDONTWRITEBYTECODE: "1" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  let buffer = "";
  const waiting: Array<{ resolve: (line: string) => void; reject: (err: Error) => void }> = [];
  let exited: Error | null = null;
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr = (stderr + d).slice(-4000)));
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    buffer += d;
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      waiting.shift()?.resolve(line);
    }
  });
  const fail = (err: Error) => {
    exited = err;
    for (const w of waiting.splice(0)) w.reject(err);
  };
  child.on("error", (err) => fail(new Error(`cannot start ${python}: ${err.message}`)));
  child.on("exit", (code, signal) => fail(new Error(`numpy peer exited (${signal ?? code}): ${stderr.trim().split("\n").slice(-3).join(" | ")}`)));

  async function request(body: unknown): Promise<unknown> {
    if (exited) throw exited;
    const line = await new Promise<string>((resolve, reject) => {
      waiting.push({ resolve, reject });
      child.stdin.write(JSON.stringify(body) + "\n");
    });
    const answer = JSON.parse(line) as { ok: boolean; result?: unknown; error?: string };
    if (!answer.ok) throw new Error(`numpy peer: ${answer.error}`);
    return answer.result;
  }

  const info = (await request({ op: "info" })) as { python: string; numpy: string };
  return {
    python: info.python,
    numpy: info.numpy,
    call: async <T>(op: string, args: Record<string, unknown>) => (await request({ op, args })) as T,
    close: async () => {
      if (exited) return;
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.stdin.end();
      });
    },
  };
}
