#!/usr/bin/python3
"""faiss's residual quantizer on an .npy file: the peer figure for `semid bench` (RQ-KMeans training).

Usage: /usr/bin/python3 lab/scripts/faiss_rq.py EMBEDDINGS.npy [LEVELS] [BITS]
Needs Debian's python3-faiss. Prints training seconds, the relative quantization error
sum||x - x_hat||^2 / sum||x - mean x||^2 and the distinct code tuples, greedy (beam 1) as semid.
"""
import sys
import time

import faiss
import numpy as np

x = np.ascontiguousarray(np.load(sys.argv[1]).astype("float32"))
levels = int(sys.argv[2]) if len(sys.argv) > 2 else 3
bits = int(sys.argv[3]) if len(sys.argv) > 3 else 8
rq = faiss.ResidualQuantizer(x.shape[1], levels, bits)
rq.max_beam_size = 1
t0 = time.perf_counter()
rq.train(x)
seconds = time.perf_counter() - t0
packed = rq.compute_codes(x)
x_hat = rq.decode(packed)
error = float(((x - x_hat) ** 2).sum() / ((x - x.mean(axis=0)) ** 2).sum())
distinct = len({bytes(row) for row in packed})
print(f"faiss {faiss.__version__} ResidualQuantizer({x.shape[1]}, {levels}, {bits}), max_beam_size 1, "
      f"{faiss.omp_get_max_threads()} threads: trained in {seconds:.2f} s, relative error {error:.4f}, "
      f"{distinct:,} distinct tuples of {x.shape[0]:,}")
