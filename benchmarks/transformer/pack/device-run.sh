#!/bin/sh
# One device-machine call for the GPU pack (built here by `npm run pack:gpu`, carried as
# dist/gpu-pack.tar.xz): unpacks it, shows the GPU, runs the paper preset on webgpu against
# PyTorch on CUDA, and leaves the record, the report and the log in $OUT (or ./pack-results).
#   device tool: run(command="sh benchmarks/transformer/pack/device-run.sh", carry=["dist/gpu-pack.tar.xz"], timeout_s=540)
set -eu
out="${OUT:-$PWD/pack-results}"
mkdir -p "$out"
tar -xJf dist/gpu-pack.tar.xz -C /tmp
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv 2>&1 | tee "$out/gpu.txt" || true
PACK_OUT="$out" /tmp/gpu-pack/run.sh "$@" 2>&1 | tee "$out/pack-log.txt"
