package dev.semid.serving.stream;

/** The mean of the last {@code window} values. Not thread-safe: its owner locks. */
public final class SlidingMean {
    private final double[] ring;
    private double sum;
    private int next, filled, sinceResum;

    public SlidingMean(int window) { this.ring = new double[window]; }

    public void add(double v) {
        if (filled == ring.length) sum -= ring[next];
        else filled++;
        ring[next] = v;
        sum += v;
        next = (next + 1) % ring.length;
        if (++sinceResum == ring.length) { // subtracting what left lets rounding build up: add the window up afresh now and then
            sum = 0;
            for (int i = 0; i < filled; i++) sum += ring[i];
            sinceResum = 0;
        }
    }

    public int count() { return filled; }

    /** NaN before the first value. */
    public double mean() { return filled == 0 ? Double.NaN : sum / filled; }
}
