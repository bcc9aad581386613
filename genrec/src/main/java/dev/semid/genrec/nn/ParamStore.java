package dev.semid.genrec.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.semid.tokenizer.data.Gaussian;
import dev.semid.tokenizer.data.Matrix;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The trainable tensors of a model, by name, in creation order: initialised from a seeded Java
 * generator (the same seed gives the same starting weights on every device), saved as named
 * matrices (first dimension × the rest) and loaded back with their shapes checked.
 */
public final class ParamStore {
    private final NDManager manager;
    private final Device device;
    private final SplittableRandom rnd;
    private final Map<String, NDArray> params = new LinkedHashMap<>();
    private final Map<String, Boolean> decayed = new LinkedHashMap<>();

    public ParamStore(NDManager manager, Device device, long seed) {
        this.manager = manager;
        this.device = device;
        this.rnd = new SplittableRandom(seed);
    }

    public NDManager manager() { return manager; }
    public Device device() { return device; }

    /** N(0, std²) entries; {@code decay}: whether weight decay applies (matrices yes, gains and biases no). */
    public NDArray normal(String name, double std, boolean decay, long... shape) {
        float[] v = new float[(int) new Shape(shape).size()];
        for (int i = 0; i < v.length; i++) v[i] = (float) (Gaussian.sample(rnd) * std);
        return add(name, v, decay, shape);
    }

    /** U(−bound, bound) entries (PyTorch's nn.Linear initialisation with bound = 1/√in). */
    public NDArray uniform(String name, double bound, boolean decay, long... shape) {
        float[] v = new float[(int) new Shape(shape).size()];
        for (int i = 0; i < v.length; i++) v[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
        return add(name, v, decay, shape);
    }

    public NDArray constant(String name, float value, long... shape) {
        float[] v = new float[(int) new Shape(shape).size()];
        java.util.Arrays.fill(v, value);
        return add(name, v, false, shape);
    }

    private NDArray add(String name, float[] v, boolean decay, long... shape) {
        if (params.containsKey(name)) throw new IllegalStateException("parameter '" + name + "' defined twice");
        NDArray a = manager.create(v, new Shape(shape)).toDevice(device, false);
        a.setRequiresGradient(true);
        params.put(name, a);
        decayed.put(name, decay);
        return a;
    }

    public List<String> names() { return List.copyOf(params.keySet()); }
    public NDArray get(String name) { return params.get(name); }
    public boolean decays(String name) { return decayed.get(name); }
    public Map<String, NDArray> all() { return Collections.unmodifiableMap(params); }

    /** Total number of trainable values. */
    public long size() {
        long n = 0;
        for (NDArray a : params.values()) n += a.size();
        return n;
    }

    /** Every tensor as a matrix of (first dimension) × (the product of the others), in creation order. */
    public Map<String, Matrix> toMatrices() {
        Map<String, Matrix> out = new LinkedHashMap<>();
        params.forEach((name, a) -> {
            Shape s = a.getShape();
            int rows = s.dimension() == 0 ? 1 : (int) s.get(0);
            out.put(name, new Matrix(rows, (int) (s.size() / Math.max(1, rows)), a.toFloatArray()));
        });
        return out;
    }

    /** Loads saved tensors: every parameter must be there with its exact size, and nothing else. */
    public void load(Map<String, Matrix> saved, String where) {
        List<String> unknown = new ArrayList<>(saved.keySet());
        unknown.removeAll(params.keySet());
        if (!unknown.isEmpty()) throw new IllegalArgumentException(where + ": tensors the model does not have: " + unknown);
        params.forEach((name, a) -> {
            Matrix m = saved.get(name);
            if (m == null) throw new IllegalArgumentException(where + ": tensor '" + name + "' is missing");
            if (m.data().length != a.size() || m.rows() != (a.getShape().dimension() == 0 ? 1 : a.getShape().get(0)))
                throw new IllegalArgumentException(where + ": tensor '" + name + "' is " + m.rows() + "×" + m.cols() + ", the model needs " + a.getShape());
            a.set(FloatBuffer.wrap(m.data()));
        });
    }

    public float[][] snapshot() {
        float[][] s = new float[params.size()][];
        int i = 0;
        for (NDArray a : params.values()) s[i++] = a.toFloatArray();
        return s;
    }

    public void restore(float[][] s) {
        int i = 0;
        for (NDArray a : params.values()) a.set(FloatBuffer.wrap(s[i++]));
    }
}
