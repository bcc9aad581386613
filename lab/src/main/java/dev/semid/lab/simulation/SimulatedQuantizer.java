package dev.semid.lab.simulation;

/** One codebook-learning rule of the simulation. Not thread-safe; close it to free its arrays. */
public interface SimulatedQuantizer extends AutoCloseable {
    String name();

    /** One training step on fresh samples, row-major n × d (n = samples.length / d); the array is only read. */
    void step(float[] samples);

    /** The codebook the quantizer assigns with now, row-major K × d (a copy). */
    float[] codebook();

    @Override void close();
}
