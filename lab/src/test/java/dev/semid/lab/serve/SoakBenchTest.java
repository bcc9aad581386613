package dev.semid.lab.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Two minutes of the soak: two service processes, one SIGKILLed every 20 s, judged by the checker and the crash invariant. */
class SoakBenchTest {
    @TempDir Path tmp;

    @Test void twoMinutesOfKillsLoseNothingAndDuplicateNothing() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        SoakBench.Result r;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            r = new SoakBench(SoakBench.Settings.builder().minutes(2).killEvery(20).maxDown(14).rate(200).work(tmp.resolve("soak")).build()).run(out);
        }
        String report = buf.toString(StandardCharsets.UTF_8);
        System.out.print(report);
        assertTrue(r.kills() >= 5, "a kill every 20 s for 2 minutes: " + r.kills());
        assertEquals(r.kills(), r.restarts());
        assertEquals(24_000, r.items());
        assertEquals(r.items(), r.withId(), "0 lost");
        assertEquals(0, r.unexpectedExits(), report);
        assertEquals(0, r.crashInvariantBreaches(), report);
        assertEquals(java.util.List.of(), r.violations(), "0 duplicate IDs, 0 changed, every index = output topic");
        assertTrue(r.ok());
        assertTrue(report.contains("verdict: PASS"), report);
    }
}
