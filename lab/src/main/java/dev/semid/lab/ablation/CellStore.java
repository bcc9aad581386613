package dev.semid.lab.ablation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.semid.tokenizer.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finished cells as JSON files under a work directory, one per embeddings × regime × candidate ×
 * seed (with its semantic IDs beside it), written atomically: an interrupted ablation resumes where it stopped, and a rerun with
 * more seeds or regimes trains only what is new.
 */
final class CellStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path root;

    CellStore(Path root) { this.root = root; }

    Path path(String embeddings, Regime regime, Candidate candidate, long seed) {
        String stem = embeddings.replaceAll("\\.[^.]+$", "");
        return root.resolve(stem).resolve(regime.name()).resolve(candidate.key() + "-s" + seed + ".json");
    }

    /** The cell's semantic IDs, beside its measurements: the input of a downstream recommender. */
    Path sids(String embeddings, Regime regime, Candidate candidate, long seed) {
        Path p = path(embeddings, regime, candidate, seed);
        return p.resolveSibling(p.getFileName().toString().replaceAll("\\.json$", ".sids.jsonl"));
    }

    /** The cached cell, or null when there is none (or its IDs are missing, so it cannot feed a recommender). */
    CellResult find(String embeddings, Regime regime, Candidate candidate, long seed) throws IOException {
        Path p = path(embeddings, regime, candidate, seed);
        if (!Files.exists(p) || !Files.exists(sids(embeddings, regime, candidate, seed))) return null;
        try {
            return JSON.readValue(p.toFile(), CellResult.class);
        } catch (IOException e) {
            throw new IOException(p + ": unreadable cached cell (" + e.getMessage() + "); delete it to retrain", e);
        }
    }

    void save(String embeddings, Regime regime, Candidate candidate, long seed, CellResult cell) throws IOException {
        Path p = path(embeddings, regime, candidate, seed);
        Files.createDirectories(p.getParent());
        AtomicFiles.write(p, out -> JSON.writeValue(out, cell));
    }
}
