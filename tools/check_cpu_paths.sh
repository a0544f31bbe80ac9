#!/usr/bin/env bash
# The learning pages that train, run again on PyTorch's other CPU paths. AVX2 and AVX-512 kernels round
# differently, so a training run's numbers are one machine's; the pages' claims about training must hold
# on every path. `nbdev_test` has just run them on this machine's own path; this runs each of `default`
# and `avx2` that differs from it (the avx2 path only where the CPU has AVX2).
set -euo pipefail
cd "$(dirname "$0")/.."
TRAINING_PAGES='^(02_training|03_frameworks|04_distributed|07_multistep|08_choosing)\.ipynb$'
own=$(python -c "import torch; print(torch.backends.cpu.get_cpu_capability().lower())")
for path in default avx2; do
  if [ "$path" = "$own" ]; then continue; fi
  if [ "$path" = avx2 ] && ! grep -qw avx2 /proc/cpuinfo; then
    echo "this CPU has no AVX2: the avx2 path is not run"; continue
  fi
  echo "the training pages under ATEN_CPU_CAPABILITY=$path (this machine's own path: $own)"
  ATEN_CPU_CAPABILITY=$path nbdev_test --n_workers 2 --file_re "$TRAINING_PAGES"
done
