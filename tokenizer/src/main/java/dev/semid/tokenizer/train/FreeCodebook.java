package dev.semid.tokenizer.train;

import ai.djl.ndarray.NDArray;

import java.nio.FloatBuffer;
import java.util.List;

/** Codes as one K×d parameter, each code moved by its own gradient. */
final class FreeCodebook implements TrainableCodebook {
    private final NDArray codes;

    FreeCodebook(NDArray codes) { this.codes = codes; }

    @Override public NDArray current() { return codes; }
    @Override public List<NDArray> parameters() { return List.of(codes); }
    @Override public void assign(float[] values) { codes.set(FloatBuffer.wrap(values)); }
    @Override public boolean resettable() { return true; }
}
