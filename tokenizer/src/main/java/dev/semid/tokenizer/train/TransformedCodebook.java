package dev.semid.tokenizer.train;

import ai.djl.ndarray.NDArray;
import dev.semid.tokenizer.math.LeastSquares;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * GRIT-VQ's integrated codebook transform C = B·W + b: B (K×d) fixed at initialisation and
 * data-agnostic, W (d×d) and b (d) shared and trained, so every step on W moves every code,
 * used or not. k-means initialisation fits W, b by least squares to the k-means centres.
 */
final class TransformedCodebook implements TrainableCodebook {
    private final NDArray basis, weight, bias;

    TransformedCodebook(NDArray basis, NDArray weight, NDArray bias) {
        this.basis = basis;
        this.weight = weight;
        this.bias = bias;
    }

    @Override public NDArray current() { return basis.matMul(weight).add(bias); }
    @Override public List<NDArray> parameters() { return List.of(weight, bias); }
    @Override public boolean resettable() { return false; }

    NDArray weight() { return weight; }

    @Override public void assign(float[] codes) {
        int k = (int) basis.getShape().get(0), d = (int) basis.getShape().get(1);
        float[] b = basis.toFloatArray();
        double[][] a = new double[k][d + 1], y = new double[k][d];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d; j++) {
                a[i][j] = b[i * d + j];
                y[i][j] = codes[i * d + j];
            }
            a[i][d] = 1;
        }
        double[][] x = LeastSquares.solve(a, y); // (d+1)×d: W stacked on b
        float[] w = new float[d * d], bias0 = new float[d];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) w[i * d + j] = (float) x[i][j];
        for (int j = 0; j < d; j++) bias0[j] = (float) x[d][j];
        weight.set(FloatBuffer.wrap(w));
        bias.set(FloatBuffer.wrap(bias0));
    }
}
