package dev.semid.tokenizer.quantize;

import java.util.stream.IntStream;

/**
 * Fixed chunking over rows so that parallel work is deterministic: each chunk's result lands in
 * its own slot and is reduced in chunk order, whatever the thread timing.
 */
final class Parallel {
    private Parallel() {}

    static final int CHUNK = 1024;

    interface ChunkBody { void run(int chunk, int from, int to); }

    static int chunks(int n) { return (n + CHUNK - 1) / CHUNK; }

    static void forChunks(int n, ChunkBody body) {
        int chunks = chunks(n);
        // not the common pool's parallelism: on two cores it is 1, yet a parallel stream runs on the caller and one worker
        if (chunks <= 1 || Runtime.getRuntime().availableProcessors() <= 1) {
            for (int c = 0; c < chunks; c++) body.run(c, c * CHUNK, Math.min(n, (c + 1) * CHUNK));
            return;
        }
        IntStream.range(0, chunks).parallel().forEach(c -> body.run(c, c * CHUNK, Math.min(n, (c + 1) * CHUNK)));
    }
}
