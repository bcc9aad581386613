package dev.semid.genrec;

import ai.djl.Device;
import dev.semid.eval.recsys.EvalCase;
import dev.semid.eval.recsys.LeaveOneOutSplit;
import dev.semid.eval.recsys.Split;
import dev.semid.genrec.io.GenRecArtifact;
import dev.semid.genrec.model.GenRecModel;
import dev.semid.genrec.model.Ranking;
import dev.semid.genrec.train.GenRecListener;
import dev.semid.genrec.train.GenRecTrainer;
import dev.semid.genrec.train.HeldOut;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

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
}
