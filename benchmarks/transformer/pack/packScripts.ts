/** The GPU pack's run.sh and README.md (text only; buildPack.ts writes them). */

/**
 * run.sh: puts the pack's Vulkan loader on the library path, points the loader at the NVIDIA
 * driver's manifest where the device machines keep it (unless VK_DRIVER_FILES or VK_ICD_FILENAMES
 * is set), selects EGL's surfaceless platform (for the software fallback), and runs the bundle
 * with the pack's own Node. Results go to $PACK_OUT (default ./pack-results) unless --out/--markdown are given.
 */
export function runScript(): string {
  return `#!/bin/sh
# collapse-harness GPU pack: prints the WebGPU adapter Dawn finds, then runs the transformer
# throughput benchmark (defaults: --preset paper --backends webgpu, PyTorch on CUDA when torch sees
# a GPU, else on all CPU cores). ./run.sh --help lists the options.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
export LD_LIBRARY_PATH="$here/lib\${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
if [ -z "\${VK_DRIVER_FILES:-}\${VK_ICD_FILENAMES:-}" ]; then
  for f in /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/nvidia_icd.json /etc/vulkan/icd.d/nvidia_icd.json; do
    if [ -f "$f" ]; then export VK_DRIVER_FILES="$f"; break; fi
  done
fi
export EGL_PLATFORM="\${EGL_PLATFORM:-surfaceless}"
echo "pack: node $("$here/bin/node" --version), vulkan loader $([ -f "$here/lib/libvulkan.so.1" ] && echo "$here/lib/libvulkan.so.1" || echo "not packed"), vulkan driver manifest \${VK_DRIVER_FILES:-\${VK_ICD_FILENAMES:-none found}}"
exec "$here/bin/node" "$here/app/bench.mjs" "$@"
`;
}

/** README.md of the pack. */
export function packReadme(): string {
  return `# collapse-harness GPU pack

A self-contained run of the transformer throughput benchmark of collapse-harness
(benchmarks/transformer) for a Linux x86-64 machine with no Node.js and no network, such as an
NVIDIA H200 machine. Built by \`npx tsx benchmarks/transformer/pack/buildPack.ts --tar\` in a
checkout of the project; MANIFEST.json names the commit, the versions and every file's sha256.

    tar -xJf gpu-pack.tar.xz && ./gpu-pack/run.sh

run.sh prints the WebGPU adapter it found (on an NVIDIA machine: Dawn on Vulkan, through the
packed loader lib/libvulkan.so.1 and the driver's manifest; on a machine without a GPU: Mesa's
software OpenGL ES adapter, if Mesa's EGL is installed), then runs the \`paper\` preset (Table 1 of
the paper) on the webgpu backend and the same model in PyTorch (\`python3\` with torch: on CUDA
when torch sees a GPU, else on all CPU cores; \`--torch-threads 16\` adds a CPU run), and writes pack-results/transformer-bench-paper.json and
.md (or $PACK_OUT/...). \`./run.sh --preset tiny --backends wasm,webgpu\` is a quick check;
\`./run.sh --help\` lists every option.

Contents: bin/node (Node.js, MIT), lib/libvulkan.so.1 (the Khronos Vulkan loader from Debian's
libvulkan1, Apache-2.0, see lib/libvulkan1.copyright), app/bench.mjs (collapse-harness and
TensorFlow.js, Apache-2.0, bundled; licences at its end), app/node_modules/webgpu (Dawn for
Node, BSD/MIT, see its LICENSE.md), app/wasm (tfjs-backend-wasm's binaries), app/data
(tiny Shakespeare, public domain, see app/data/README.md), app/peers/transformer_torch.py.
`;
}
