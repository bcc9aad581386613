package dev.semid.genrec;

import ai.djl.Device;
import dev.semid.eval.recsys.EvalCase;
import dev.semid.eval.recsys.LeaveOneOutSplit;
import dev.semid.eval.recsys.Split;
import dev.semid.genrec.train.GenRecTrainer;
import dev.semid.genrec.train.HeldOut;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each preset learns a task whose next item is a fixed function of the last one. */
class SyntheticTaskTest {
    static GenRecConfig tiny(Preset preset) {
        return GenRecConfig.defaults(preset).toBuilder().dModel(32).layers(1).decoderLayers(1).heads(2).headDim(16).ffDim(64)
                .headHidden(64).dropout(0.0).learningRate(5e-3).warmupSteps(10).batchSize(64).epochs(40).patience(0).evalEvery(10)
                .beam(8).seed(3).build();
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void learnsTheNextItemFunction(Preset preset) {
        SyntheticTask task = new SyntheticTask(48, 300, 5, 9, 2, 6, 11);
        // TIGER trains on one (history, target) example per step row, the others on whole sequences: it needs more steps
        GenRecConfig cfg = preset == Preset.TIGER ? tiny(preset).toBuilder().epochs(80).evalEvery(20).build() : tiny(preset);
        GenRecTrainer.Result r = new GenRecTrainer(cfg, Device.cpu(), dev.semid.genrec.train.GenRecListener.NONE)
                .train(task.data, task.codes);
        try (var model = r.model()) {
            List<EvalCase> test = LeaveOneOutSplit.cases(task.data, Split.TEST, 20).cases();
            double recall1 = HeldOut.metrics(model, test, 1).get("recall@1");
            assertTrue(recall1 >= 0.95, preset + ": test Recall@1 " + recall1);
        }
    }
}
