package dev.semid.lab.simulation;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The simulate run on a toy setup: progress, the table beside the published rows, and the JSON document. */
class PaperSimulationTest {
    @Test void printsOurFiguresBesideThePublishedOnesAndDocumentsThem() {
        SimulationConfig toy = new SimulationConfig(64, 8, 8.0, 512, 20, 10, 2_000, 3);
        PaperSimulation.Settings settings = PaperSimulation.Settings.builder().config(toy)
                .methods(List.of(SimulationMethod.VANILLA, SimulationMethod.WASSERSTEIN)).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PaperSimulation.Result result = new PaperSimulation(settings).run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertFalse(result.paperSetup());
        assertTrue(out.contains("(not the paper's setup"), out);
        assertTrue(out.contains("vanilla     step    20/20"), "a progress line per evaluation: " + out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("wasserstein ") && l.contains(" / 99.4") && l.contains(" / 1.04")),
                "our row beside the published one: " + out);

        Map<String, Object> doc = result.document();
        assertEquals(toy, doc.get("config"));
        List<?> rows = (List<?>) doc.get("results");
        assertEquals(2, rows.size());
        Map<?, ?> vanilla = (Map<?, ?>) rows.get(0);
        assertEquals("vanilla", vanilla.get("method"));
        assertEquals(3, ((List<?>) vanilla.get("trajectory")).size()); // steps 0, 10, 20
        assertTrue(vanilla.containsKey("published"));
    }

    @Test void withoutProgressOnlyTheTimesAndTableArePrinted() {
        SimulationConfig toy = new SimulationConfig(16, 2, 1.0, 64, 4, 2, 256, 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new PaperSimulation(PaperSimulation.Settings.builder().config(toy).methods(List.of(SimulationMethod.EMA)).progress(false).build())
                .run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(out.contains("/4  util"), out);
        assertTrue(out.contains("ema: ") && out.contains("ours / paper"), out);
    }
}
