package dev.semid.cli;

import dev.semid.lab.ablation.Ablation;
import dev.semid.lab.bench.GenRecBench;
import dev.semid.lab.bench.IndexBench;
import dev.semid.lab.bench.RqKMeansBench;
import dev.semid.lab.bench.TokenizerBench;
import dev.semid.lab.compare.MethodComparison;
import dev.semid.lab.compare.TrainingRecipe;
import dev.semid.lab.serve.ServeBench;
import dev.semid.lab.simulation.PaperSimulation;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The benchmark and lab commands pass their options to lab: without options, each passes what
 * lab's settings default to, so the defaults `--help` shows and the library's agree.
 */
class LabCommandsTest {
    static <T> T parse(T command, String... args) {
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test void optionDefaultsAreTheLabDefaults() {
        assertEquals(TokenizerBench.Settings.builder().build(), parse(new BenchCommand()).settings());
        assertEquals(IndexBench.Settings.builder().build(), parse(new IndexBenchCommand()).settings());
        assertEquals(ServeBench.Settings.builder().build(), parse(new ServeBenchCommand()).settings());
        assertEquals(GenRecBench.Settings.builder().build(), parse(new GenRecBenchCommand()).settings());
        assertEquals(PaperSimulation.Settings.builder().build(), parse(new SimulateCommand()).settings());
        assertEquals(RqKMeansBench.Settings.builder().build(), parse(new RqKMeansBenchCommand()).settings());
        Ablation.Settings ablation = parse(new CompareAblationCommand()).settings(), ablationLab = Ablation.Settings.builder().build();
        assertEquals(List.of(ablationLab.data(), ablationLab.embeddings(), ablationLab.regimes(), ablationLab.methods(), ablationLab.seeds(),
                        ablationLab.learningRates(), ablationLab.weightFactor(), ablationLab.radii(), ablationLab.tuningRegime(),
                        ablationLab.recipe(), ablationLab.work(), ablationLab.device()),
                List.of(ablation.data(), ablation.embeddings(), ablation.regimes(), ablation.methods(), ablation.seeds(),
                        ablation.learningRates(), ablation.weightFactor(), ablation.radii(), ablation.tuningRegime(),
                        ablation.recipe(), ablation.work(), ablation.device()));
        MethodComparison.Settings compare = parse(new CompareCommand()).settings();
        MethodComparison.Settings lab = MethodComparison.Settings.builder().trainer((method, x) -> null)
                .recipe(new TrainingRecipe(0, 0, 0, 0, List.of(), 0)).build();
        assertEquals(List.of(lab.data(), lab.methods(), lab.embeddings(), lab.device()),
                List.of(compare.data(), compare.methods(), compare.embeddings(), compare.device()));
        assertEquals(new TrainingRecipe(42, 200, 20, 1024, List.of(512, 256, 128), 32), compare.recipe());
    }

    @Test void optionsReachTheSettings() {
        ServeBench.Settings serve = parse(new ServeBenchCommand(), "--rates", "100,200", "--binary", "--set", "semid.tokenize-threads=2").settings();
        assertEquals(List.of(100, 200), serve.rates());
        assertTrue(serve.binary());
        assertEquals("2", serve.service().get("semid.tokenize-threads"));
        PaperSimulation.Settings sim = parse(new SimulateCommand(), "--codes", "256", "--methods", "wasserstein,ema,wasserstein", "--quiet").settings();
        assertEquals(256, sim.config().codes());
        assertEquals("[WASSERSTEIN, EMA]", sim.methods().toString());
        assertFalse(sim.progress());
    }

    @Test void badOptionsAreUsageErrors() {
        assertEquals(2, CliTest.semid("bench", "serve", "--items", "0").code());
        assertEquals(2, CliTest.semid("bench", "genrec", "--presets", "nope").code());
        assertEquals(2, CliTest.semid("simulate", "--methods", "nope").code());
    }

    @Test void everyLabCommandHasHelp() {
        for (List<String> cmd : List.of(List.of("bench"), List.of("bench", "index"), List.of("bench", "serve"), List.of("bench", "genrec"),
                List.of("bench", "rqkmeans"), List.of("simulate"), List.of("compare"), List.of("compare", "ablation"))) {
            String[] args = java.util.stream.Stream.concat(cmd.stream(), java.util.stream.Stream.of("--help")).toArray(String[]::new);
            CliTest.Run r = CliTest.semid(args);
            assertEquals(0, r.code(), String.join(" ", cmd));
            assertTrue(r.out().contains("Usage: semid " + String.join(" ", cmd)), r.out());
        }
    }
}
