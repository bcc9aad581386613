package dev.semid.serving;

import dev.semid.tokenizer.engine.Devices;
import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.engine.Tokenizers;
import dev.semid.index.IndexModel;
import dev.semid.index.IndexStorage;
import dev.semid.index.SidIndexWriter;
import dev.semid.tokenizer.align.ModelLineage;
import dev.semid.tokenizer.model.ModelArtifact;
import dev.semid.tokenizer.model.QuantizerModel;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * What the service runs on: the model (the same artifact and {@code Tokenizer} as the CLI) and the
 * index, of which this process is the one writer. Readers use the writer's near-real-time view.
 */
@Singleton
public final class SemidRuntime implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SemidRuntime.class);
    private final QuantizerModel model;
    private final Tokenizer tokenizer;
    private volatile SidIndexWriter index;
    private final ServiceSettings settings;
    private final IndexStorage storage;
    private final IndexModel indexModel;

    /** Encoder warm-up at start: at most this many small batches, or this long (0.2–0.8 s on two cores). */
    static final int WARM_UP_CALLS = 500, WARM_UP_MILLIS = 2_000;
    /** Lucene's indexing buffer, as for batch builds. */
    static final double INDEX_RAM_MB = 64;

    SemidRuntime(ServiceSettings settings, IndexStorage storage) {
        this.settings = settings;
        this.storage = storage;
        this.model = ModelArtifact.load(settings.model());
        Devices.cpuThreads(settings.inferenceThreads());
        this.tokenizer = Tokenizers.open(model, Devices.resolve("auto"));
        Tokenizers.warmUp(tokenizer, WARM_UP_CALLS, WARM_UP_MILLIS); // before any item: the first ones would wait for the JIT
        this.indexModel = IndexModel.of(tokenizer);
        // a model aligned to the index's takes it over; any other needs an explicit re-index
        this.index = openIndex(settings.reindex());
    }

    public QuantizerModel model() { return model; }

    public Tokenizer tokenizer() { return tokenizer; }

    public SidIndexWriter index() { return index; }

    /**
     * A writer Lucene closed after an unrecoverable error (a full disk during a flush) is replaced
     * by a new one on the same directory, which starts from the last commit: what the old one held
     * uncommitted was never acknowledged by an offset commit, so it is read and written again.
     * Called by the assign stage as it (re)starts; throws (and the stage retries) while the index cannot be opened.
     */
    public synchronized void reopenIndexIfBroken() {
        if (!index.broken()) return;
        LOG.warn("the index writer was closed by an unrecoverable error; opening a new one on {} from its last commit", settings.index());
        try {
            index.close();
        } catch (RuntimeException e) {
            LOG.debug("closing the broken index writer: {}", e.toString());
        }
        index = openIndex(false);
    }

    private SidIndexWriter openIndex(boolean reindex) {
        return SidIndexWriter.open(settings.index(), indexModel, reindex, INDEX_RAM_MB, ModelLineage.of(model).ancestors(), storage);
    }

    public IndexModel indexModel() { return indexModel; }

    public String fingerprint() { return indexModel.fingerprint(); }

    @PreDestroy
    @Override public void close() {
        index.close();
        tokenizer.close();
    }
}
