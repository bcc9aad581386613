package dev.semid.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.semid.tokenizer.Tokenization;
import dev.semid.tokenizer.data.Matrix;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Texts → sentence embeddings with an ONNX sentence model: the Hugging Face tokenizer (the Rust
 * library Python uses, so token ids match), ONNX Runtime for the transformer, then pooling and L2
 * normalisation here. Texts go in chunks; within a chunk they are sorted by token count and cut
 * into batches, so a batch pads to nearly its own length rather than the longest text's; the
 * cores run whole batches side by side.
 * ONNX Runtime is called directly (not through DJL's engine wrapper): the encoder needs only a
 * session, its thread count and flat buffers in and out, and DJL's NDArray layer would add copies.
 */
public final class SentenceEncoder implements AutoCloseable {
    /** Texts tokenized and sorted together: bounds memory while keeping batches well packed. */
    static final int CHUNK = 8192;

    private final SentenceModel model;
    private final EmbedConfig config;
    private final HuggingFaceTokenizer tokenizer;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final boolean typeIds;
    private final String output;
    private final int dimension;
    private final int workers;
    private final ExecutorService pool;

    /** What {@link #encode} did besides the vectors. */
    public record Result(Matrix vectors, int emptyTexts, int truncatedTexts, long tokens) {}

    private SentenceEncoder(SentenceModel model, EmbedConfig config) throws OrtException, IOException {
        this.model = model;
        this.config = config;
        this.tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(model.tokenizer()),
                Map.of("truncation", "true", "padding", "false", "maxLength", Integer.toString(config.maxTokens())));
        this.env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        o.setIntraOpNumThreads(1); // the parallelism is across batches (see encode)
        this.workers = config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
        this.pool = workers > 1 ? Executors.newFixedThreadPool(workers, Thread.ofPlatform().daemon().name("semid-embed-", 0).factory()) : null;
        this.session = env.createSession(model.onnx(), o);
        Set<String> inputs = session.getInputNames();
        for (String need : List.of("input_ids", "attention_mask"))
            if (!inputs.contains(need)) throw new IllegalArgumentException("model " + model.name() + " has no '" + need + "' input (inputs: " + inputs + ")");
        this.typeIds = inputs.contains("token_type_ids");
        Map.Entry<String, NodeInfo> out = pickOutput(session.getOutputInfo());
        this.output = out.getKey();
        long[] shape = ((TensorInfo) out.getValue().getInfo()).getShape();
        this.dimension = (int) shape[shape.length - 1];
        if (dimension <= 0) throw new IllegalArgumentException("model " + model.name() + "'s output '" + output + "' has no fixed width: " + Arrays.toString(shape));
    }

    /** Opens the model; the caller closes the encoder. */
    public static SentenceEncoder open(SentenceModel model, EmbedConfig config) {
        try {
            return new SentenceEncoder(model, config);
        } catch (OrtException e) {
            throw new IllegalArgumentException("ONNX Runtime cannot load model " + model.name() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokenizer of model " + model.name(), e);
        }
    }

    /** Token vectors (rank 3, pooled here) are preferred; a rank-2 output is taken as already pooled. */
    private static Map.Entry<String, NodeInfo> pickOutput(Map<String, NodeInfo> outputs) {
        Map.Entry<String, NodeInfo> pooled = null;
        for (var e : outputs.entrySet()) {
            if (!(e.getValue().getInfo() instanceof TensorInfo t)) continue;
            if (t.getShape().length == 3) return e;
            if (t.getShape().length == 2 && pooled == null) pooled = e;
        }
        if (pooled != null) return pooled;
        throw new IllegalArgumentException("the model has no token-vector output of shape [batch, tokens, width] (outputs: " + outputs.keySet() + ")");
    }

    public int dimension() { return dimension; }

    public SentenceModel model() { return model; }

    /** Embeds {@code texts} (row i = text i); an empty or blank text is embedded as the configured placeholder. */
    public Result encode(List<String> texts, Tokenization.Progress progress) {
        int n = texts.size();
        Matrix out = Matrix.zeros(n, dimension);
        int empty = 0, truncated = 0;
        long tokens = 0;
        if (progress != null) progress.update(0, n);
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            List<String> chunk = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                String t = texts.get(i);
                if (t == null || t.isBlank()) {
                    empty++;
                    t = config.placeholder();
                }
                chunk.add(t);
            }
            Encoding[] enc = tokenizer.batchEncode(chunk);
            Integer[] order = new Integer[enc.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
                tokens += enc[i].getIds().length;
                if (enc[i].exceedMaxLength()) truncated++;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(enc[a].getIds().length, enc[b].getIds().length));
            int base = from;
            List<Callable<Integer>> batches = new ArrayList<>();
            for (int b = 0; b < order.length; b += config.batchSize()) {
                int s = b, e = Math.min(order.length, b + config.batchSize());
                batches.add(() -> {
                    runBatch(enc, order, s, e, out, base);
                    return e - s;
                });
            }
            run(batches, from, n, progress);
        }
        return new Result(out, empty, truncated, tokens);
    }

    /**
     * Runs a chunk's batches, one per worker at a time, each on one ONNX Runtime thread: a short
     * text's batch is too small a matrix product to split across cores without the threads
     * waiting on each other, so the cores take whole batches instead.
     */
    private void run(List<Callable<Integer>> batches, int doneBefore, int n, Tokenization.Progress progress) {
        int done = doneBefore;
        if (pool == null) {
            for (Callable<Integer> b : batches) {
                try {
                    done += b.call();
                } catch (Exception e) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
                if (progress != null) progress.update(done, n);
            }
            return;
        }
        List<Future<Integer>> futures = new ArrayList<>();
        for (Callable<Integer> b : batches) futures.add(pool.submit(b));
        try {
            for (Future<Integer> f : futures) {
                done += f.get();
                if (progress != null) progress.update(done, n);
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void runBatch(Encoding[] enc, Integer[] order, int from, int to, Matrix out, int rowBase) {
        int b = to - from, len = 0;
        for (int i = from; i < to; i++) len = Math.max(len, enc[order[i]].getIds().length);
        long[] ids = new long[b * len], mask = new long[b * len], types = new long[b * len];
        for (int r = 0; r < b; r++) {
            Encoding x = enc[order[from + r]];
            long[] xi = x.getIds(), xm = x.getAttentionMask(), xt = x.getTypeIds();
            System.arraycopy(xi, 0, ids, r * len, xi.length);
            System.arraycopy(xm, 0, mask, r * len, xm.length);
            System.arraycopy(xt, 0, types, r * len, xt.length);
        }
        long[] shape = {b, len};
        Map<String, OnnxTensor> in = new HashMap<>();
        try {
            in.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            in.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (typeIds) in.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape));
            try (OrtSession.Result r = session.run(in, Set.of(output))) {
                OnnxTensor t = (OnnxTensor) r.get(0);
                FloatBuffer h = t.getFloatBuffer();
                boolean tokenVectors = t.getInfo().getShape().length == 3;
                float[] row = new float[dimension];
                for (int i = 0; i < b; i++) {
                    if (tokenVectors) pool(h, i, len, mask, row);
                    else h.get(i * dimension, row, 0, dimension);
                    if (config.normalize()) normalize(row);
                    System.arraycopy(row, 0, out.data(), (rowBase + order[from + i]) * dimension, dimension);
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a batch of " + b + " texts: " + e.getMessage(), e);
        } finally {
            in.values().forEach(OnnxTensor::close);
        }
    }

    /** Row {@code i}'s sentence vector from the [batch, len, width] token vectors. */
    private void pool(FloatBuffer h, int i, int len, long[] mask, float[] row) {
        int base = i * len * dimension;
        if (model.pooling() == Pooling.CLS) {
            h.get(base, row, 0, dimension);
            return;
        }
        Arrays.fill(row, 0f);
        double[] sum = new double[dimension];
        int kept = 0;
        for (int t = 0; t < len; t++) {
            if (mask[i * len + t] == 0) continue;
            kept++;
            int o = base + t * dimension;
            for (int j = 0; j < dimension; j++) sum[j] += h.get(o + j);
        }
        for (int j = 0; j < dimension; j++) row[j] = (float) (sum[j] / Math.max(1, kept));
    }

    private static void normalize(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        if (s == 0) return;
        float inv = (float) (1 / Math.sqrt(s));
        for (int j = 0; j < v.length; j++) v[j] *= inv;
    }

    @Override public void close() {
        if (pool != null) pool.shutdownNow();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        } finally {
            tokenizer.close();
        }
    }
}
