package dev.semid.tokenizer.data;

import java.util.Arrays;

/**
 * A dense row-major float32 matrix backed by one flat array: the one in-memory form of an
 * embedding table, so a large catalogue is held exactly once (no float[][] copies).
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final float[] data;

    public Matrix(int rows, int cols, float[] data) {
        if (rows < 0 || cols < 0) throw new IllegalArgumentException("negative shape " + rows + "x" + cols);
        if ((long) rows * cols != data.length)
            throw new IllegalArgumentException("shape " + rows + "x" + cols + " does not match " + data.length + " values");
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    public static Matrix zeros(int rows, int cols) {
        long n = (long) rows * cols;
        if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("matrix too large: " + rows + "x" + cols);
        return new Matrix(rows, cols, new float[(int) n]);
    }

    /** Copies a float[][] (all rows of equal length) into a flat matrix. */
    public static Matrix of(float[][] rowsData) {
        int n = rowsData.length;
        int d = n == 0 ? 0 : rowsData[0].length;
        Matrix m = zeros(n, d);
        for (int i = 0; i < n; i++) {
            if (rowsData[i].length != d)
                throw new IllegalArgumentException("row " + i + " has " + rowsData[i].length + " values, expected " + d);
            System.arraycopy(rowsData[i], 0, m.data, i * d, d);
        }
        return m;
    }

    public int rows() { return rows; }
    public int cols() { return cols; }

    /** The backing array (row-major); shared, not copied. */
    public float[] data() { return data; }

    public float get(int r, int c) { return data[r * cols + c]; }
    public void set(int r, int c, float v) { data[r * cols + c] = v; }
    public int offset(int r) { return r * cols; }

    public float[] row(int r) { return Arrays.copyOfRange(data, r * cols, (r + 1) * cols); }

    /** Rows [from, to) as a new matrix (a copy). */
    public Matrix slice(int from, int to) {
        return new Matrix(to - from, cols, Arrays.copyOfRange(data, from * cols, to * cols));
    }

    /** The given rows, in order, as a new matrix. */
    public Matrix select(int[] rowIndices) {
        Matrix m = zeros(rowIndices.length, cols);
        for (int i = 0; i < rowIndices.length; i++)
            System.arraycopy(data, rowIndices[i] * cols, m.data, i * cols, cols);
        return m;
    }

    /** The transpose, as a new matrix. */
    public Matrix transpose() {
        Matrix t = zeros(cols, rows);
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) t.data[c * rows + r] = data[r * cols + c];
        return t;
    }

    public float[][] toArrays() {
        float[][] out = new float[rows][];
        for (int i = 0; i < rows; i++) out[i] = row(i);
        return out;
    }
}
