/**
 * The tfjs backends the transformer runs on: `cpu` (pure JavaScript), `wasm` (XNNPACK/SIMD,
 * single-threaded in Node) and `webgpu` (Dawn through the `webgpu` package: Vulkan on a GPU
 * machine, Mesa's software OpenGL ES adapter in compatibility mode on a machine without one).
 */
import { createRequire } from "node:module";
import { dirname } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { checkChoice } from "../validate.ts";
import { transformerBackends, type TransformerBackend } from "./backendNames.ts";

export { transformerBackends, type TransformerBackend };

/** What `useBackend` found: the backend's name and, for webgpu, the adapter it got. */
export interface BackendInfo {
  backend: TransformerBackend;
  /** A one-line description of the device (adapter vendor/architecture for webgpu). */
  device: string;
}

const require = createRequire(import.meta.url);
let wasmRegistered = false;
let wasmDirectory: string | undefined;
let webgpuRegistered: Promise<string> | undefined;

// Production mode silences tfjs's "use tfjs-node" banner (tfjs-node cannot be installed here).
tf.env().set("PROD", true);

/**
 * Where the `.wasm` binaries of tfjs-backend-wasm are read from (default: the installed package's
 * dist/ folder). A bundle that ships them elsewhere (the GPU pack) sets it before the first
 * `useBackend("wasm")`.
 * @example setWasmDirectory("/opt/pack/app/wasm");
 */
export function setWasmDirectory(directory: string): void {
  if (wasmRegistered) throw new Error("setWasmDirectory must be called before the wasm backend is first used");
  wasmDirectory = directory;
}

async function registerWasm(): Promise<void> {
  if (wasmRegistered) return;
  const wasm = await import("@tensorflow/tfjs-backend-wasm");
  const dist = wasmDirectory ?? dirname(require.resolve("@tensorflow/tfjs-backend-wasm"));
  wasm.setWasmPaths(dist.endsWith("/") ? dist : `${dist}/`);
  wasmRegistered = true;
}

/**
 * Installs Dawn's `navigator.gpu` and registers the tfjs webgpu backend. tfjs asks for a
 * high-performance adapter; when there is none (no GPU, no Vulkan loader) the request is retried
 * on Dawn's OpenGL ES backend in compatibility mode, which Mesa serves in software.
 */
async function registerWebgpu(): Promise<string> {
  const { create, globals } = await import("webgpu");
  process.env.EGL_PLATFORM ??= "surfaceless";
  Object.assign(globalThis, globals);
  let gpu = create([]);
  let adapter = await gpu.requestAdapter();
  let mode = "default";
  if (adapter === null) {
    gpu = create(["backend=opengles"]);
    adapter = await gpu.requestAdapter({ featureLevel: "compatibility" } as GPURequestAdapterOptions);
    mode = "opengles, compatibility";
  }
  if (adapter === null) throw new Error("backend webgpu: no WebGPU adapter (neither default nor OpenGL ES)");
  const chosen = gpu;
  const options = mode === "default" ? {} : ({ featureLevel: "compatibility" } as GPURequestAdapterOptions);
  const navigatorGpu = {
    requestAdapter: (o?: GPURequestAdapterOptions) => chosen.requestAdapter({ ...o, ...options }),
    getPreferredCanvasFormat: () => "rgba8unorm",
    wgslLanguageFeatures: (chosen as unknown as { wgslLanguageFeatures?: unknown }).wgslLanguageFeatures,
  };
  Object.defineProperty(globalThis, "navigator", { value: { gpu: navigatorGpu }, configurable: true, writable: true });
  await import("@tensorflow/tfjs-backend-webgpu");
  const info = adapter.info;
  const words = [info?.vendor, info?.architecture, info?.device, info?.description].filter((w) => w);
  return `${words.length > 0 ? words.join(" ") : "unnamed adapter"} (${mode})`;
}

/**
 * Makes `backend` the active tfjs backend (registering it on first use) and reports the device.
 * Tensors must not be carried across a switch away from webgpu (tfjs would read them back
 * synchronously, which needs OffscreenCanvas): dispose everything before switching.
 * @example await useBackend("wasm"); // => { backend: "wasm", device: "WebAssembly (SIMD)" }
 */
export async function useBackend(backend: TransformerBackend): Promise<BackendInfo> {
  const name = checkChoice(backend, "backend", transformerBackends);
  let device = "JavaScript (tfjs cpu)";
  if (name === "wasm") {
    await registerWasm();
    device = "WebAssembly (tfjs wasm, single-threaded)";
  } else if (name === "webgpu") {
    webgpuRegistered ??= registerWebgpu();
    try {
      device = await webgpuRegistered;
    } catch (err) {
      webgpuRegistered = undefined;
      throw err;
    }
  }
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`backend ${name} failed to initialise`);
  await tf.ready();
  return { backend: name, device };
}
