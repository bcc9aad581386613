package dev.semid.genrec;

import ai.djl.Device;
import dev.semid.eval.recsys.EvalCase;
import dev.semid.eval.recsys.LeaveOneOutSplit;
import dev.semid.eval.recsys.Split;
import dev.semid.genrec.io.GenRecArtifact;
import dev.semid.genrec.model.GenRecModel;
import dev.semid.genrec.decode.Ranking;
import dev.semid.genrec.train.GenRecListener;
import dev.semid.genrec.train.GenRecTrainer;
import dev.semid.genrec.train.HeldOut;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.semid.genrec.data.IdTable;
import dev.semid.genrec.io.IndexIds;
import dev.semid.index.IndexModel;
import dev.semid.index.SidEntry;
import dev.semid.index.SidIndexWriter;
import dev.semid.tokenizer.sid.SemanticId;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Save → load gives the same model: identical rankings and scores, for every preset. */
class ArtifactTest {
    @TempDir Path tmp;

    @ParameterizedTest
    @EnumSource(Preset.class)
    void reloadedModelPredictsIdentically(Preset preset) throws Exception {
        SyntheticTask task = new SyntheticTask(30, 120, 5, 8, 2, 4, 2);
        GenRecConfig cfg = SyntheticTaskTest.tiny(preset).toBuilder().epochs(2).evalEvery(1).build();
        GenRecTrainer.Result r = new GenRecTrainer(cfg, Device.cpu(), GenRecListener.NONE).train(task.data, preset.generative() ? task.codes : null);
        List<EvalCase> test = LeaveOneOutSplit.cases(task.data, Split.TEST, 20).cases();
        int[][] histories = HeldOut.histories(test);
        Ranking before;
        try (GenRecModel m = r.model()) {
            before = m.recommend(histories, 5);
            GenRecArtifact.save(m, task.data.items().ids(), preset.generative() ? task.ids : null, r.metrics(), tmp.resolve("m"));
        }
        try (GenRecArtifact.Loaded loaded = GenRecArtifact.load(tmp.resolve("m"), Device.cpu())) {
            Ranking after = loaded.model().recommend(histories, 5);
            assertArrayEquals(before.items(), after.items());
            assertArrayEquals(before.scores(), after.scores());
            assertEquals(task.data.items().ids(), loaded.itemIds());
            assertEquals(preset.generative() ? task.ids.fingerprint() : null, loaded.idSetFingerprint());
            assertEquals(cfg, loaded.model().config());
        }
    }

    /**
     * Decoding to the IDs of a Lucene index: the training IDs plus a new item, which the model can
     * then rank; an index that gives a training item another ID is refused, both fingerprints named.
     */
    @Test void decodesToTheIdsOfAnIndexIncludingNewItems() throws Exception {
        SyntheticTask task = new SyntheticTask(30, 120, 5, 8, 2, 4, 2);
        GenRecConfig cfg = SyntheticTaskTest.tiny(Preset.COMPACT).toBuilder().epochs(1).beam(31).build();
        GenRecTrainer.Result r = new GenRecTrainer(cfg, Device.cpu(), GenRecListener.NONE).train(task.data, task.codes);
        try (GenRecModel m = r.model()) {
            GenRecArtifact.save(m, task.data.items().ids(), task.ids, r.metrics(), tmp.resolve("m"));
        }
        SemanticId fresh = freeId(task.ids);
        List<SidEntry> entries = new ArrayList<>();
        for (int i = 0; i < task.ids.size(); i++) entries.add(new SidEntry(task.ids.ids().get(i), task.ids.sids().get(i)));
        entries.add(new SidEntry("new-item", fresh));
        Path index = tmp.resolve("index");
        try (SidIndexWriter w = SidIndexWriter.open(index, new IndexModel("tokenizer-fp", 2, 4), false)) {
            w.upsert(entries);
            w.commit();
        }
        IdTable now = IndexIds.read(index);
        assertEquals(31, now.size());
        try (GenRecArtifact.Loaded loaded = GenRecArtifact.load(tmp.resolve("m"), Device.cpu(), null, now)) {
            assertTrue(loaded.itemIds().contains("new-item"));
            int fresh0 = loaded.itemIds().indexOf("new-item");
            Ranking all = loaded.model().recommend(new int[][] {{0, 1, 2}, {fresh0}}, 31);
            for (int[] items : all.items()) {
                assertEquals(31, items.length);
                assertTrue(Arrays.stream(items).anyMatch(i -> i == fresh0), "the new item is ranked");
            }
        }
        // another ID for a training item: refused
        List<SemanticId> moved = new ArrayList<>(task.ids.sids());
        moved.set(3, fresh);
        IdTable other = new IdTable(task.ids.ids(), moved);
        var e = assertThrows(GenRecArtifact.IdSetMismatchException.class, () -> GenRecArtifact.load(tmp.resolve("m"), Device.cpu(), null, other));
        assertTrue(e.getMessage().contains(other.fingerprint()) && e.getMessage().contains(task.ids.fingerprint()), e.getMessage());
    }

    /** An ID of the task's shape (2 codes of 4, dedup 0) that no item has. */
    private static SemanticId freeId(IdTable ids) {
        for (int a = 0; a < 4; a++)
            for (int b = 0; b < 4; b++) {
                SemanticId s = new SemanticId(new int[] {a, b}, 0);
                if (!ids.sids().contains(s)) return s;
            }
        throw new IllegalStateException("no free ID");
    }
}
