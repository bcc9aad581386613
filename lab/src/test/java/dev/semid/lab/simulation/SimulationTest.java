package dev.semid.lab.simulation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The paper's simulation scaled down (K = 1,024 instead of 16,384; 2,048 samples a step instead
 * of 50,000; 200 steps instead of 2,000; the paper's learning rates, μ = 8 and d = 8 unchanged).
 * With 16× fewer codes the Wasserstein term's pull on each code is 16× larger (its gradient
 * reaches a code through the codebook mean and covariance, i.e. as 1/K), so the collapsed phase
 * while the codebook travels to the data ends near step 80 instead of ~900; 200 steps keeps
 * the paper's proportion of a long collapsed phase followed by a shorter matched one. Online
 * clustering revives codes at a roughly K-independent number per step, so over a horizon that
 * much longer than the jump it would catch up with the small codebook; this one keeps it, like
 * the paper's, part-way.
 */
class SimulationTest {
    static final SimulationConfig SMALL = new SimulationConfig(1024, 8, 8.0, 2048, 200, 50, 20_000, 12);
    static final Map<SimulationMethod, MethodResult> RESULTS = new EnumMap<>(SimulationMethod.class);

    @BeforeAll static void runAll() {
        VqSimulation sim = new VqSimulation(SMALL);
        for (SimulationMethod m : SimulationMethod.values()) RESULTS.put(m, sim.run(m, VqSimulation.Listener.NONE));
    }

    @Test void wassersteinUsesAlmostEveryCodeWithTheLowestError() {
        MethodResult w = RESULTS.get(SimulationMethod.WASSERSTEIN);
        assertTrue(w.utilisation() >= 0.95, "utilisation " + w.utilisation());
        for (MethodResult r : RESULTS.values())
            if (r != w) assertTrue(w.quantizationError() < r.quantizationError(), w + " vs " + r);
        assertTrue(w.w2() < 0.5, "W2 " + w.w2());
        // The published shape: collapsed while the means travel, then the jump.
        Evaluation early = w.trajectory().get(1);
        assertEquals(50, early.step());
        assertTrue(early.utilisation() < 0.05, "step 50 utilisation " + early.utilisation());
    }

    @Test void vanillaAndEmaCollapseOnlineIsPartWay() {
        MethodResult vanilla = RESULTS.get(SimulationMethod.VANILLA), ema = RESULTS.get(SimulationMethod.EMA),
                online = RESULTS.get(SimulationMethod.ONLINE);
        assertTrue(vanilla.utilisation() < 0.02, "vanilla " + vanilla.utilisation());
        assertTrue(vanilla.quantizationError() > 7, "vanilla error " + vanilla.quantizationError()); // one code: E||z − μ||² = d
        assertTrue(ema.utilisation() < 0.05, "ema " + ema.utilisation());
        assertTrue(online.utilisation() > ema.utilisation() && online.utilisation() < 0.95, "online " + online.utilisation());
        assertTrue(online.quantizationError() < ema.quantizationError(), online + " vs " + ema);
    }

    @Test void resultsCarryTheTrajectoryAndTime() {
        for (MethodResult r : RESULTS.values()) {
            assertEquals(5, r.trajectory().size(), r.method()); // steps 0, 50, 100, 150, 200
            assertEquals(200, r.trajectory().get(4).step());
            assertEquals(r.quantizationError(), r.trajectory().get(4).quantizationError());
            assertTrue(r.seconds() > 0);
        }
        // Same initial codebook and evaluation samples for every method.
        double first = RESULTS.get(SimulationMethod.VANILLA).trajectory().get(0).quantizationError();
        assertEquals(first, RESULTS.get(SimulationMethod.WASSERSTEIN).trajectory().get(0).quantizationError());
    }

    @Test void sameSeedSameRunDifferentSeedDifferentRun() {
        SimulationConfig tiny = new SimulationConfig(128, 8, 8.0, 512, 30, 10, 2000, 3);
        for (SimulationMethod m : SimulationMethod.values()) {
            MethodResult a = new VqSimulation(tiny).run(m, VqSimulation.Listener.NONE);
            MethodResult b = new VqSimulation(tiny).run(m, VqSimulation.Listener.NONE);
            assertEquals(a.trajectory(), b.trajectory(), m.id());
            MethodResult c = new VqSimulation(tiny.withSeed(4)).run(m, VqSimulation.Listener.NONE);
            assertNotEquals(a.trajectory(), c.trajectory(), m.id());
        }
    }

    @Test void configDefaultsAreThePapersAndAreValidated() {
        SimulationConfig p = SimulationConfig.paper();
        assertEquals(new SimulationConfig(16_384, 8, 8.0, 50_000, 2_000, 100, 200_000, 12), p);
        assertThrows(IllegalArgumentException.class, () -> p.withCodes(1));
        assertThrows(IllegalArgumentException.class, () -> p.withSteps(0));
        assertThrows(IllegalArgumentException.class, () -> p.withShift(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> p.withSamplesPerStep(1));
        assertThrows(IllegalArgumentException.class, () -> p.withEvalEvery(0));
        assertThrows(IllegalArgumentException.class, () -> p.withEvalSamples(0));
        assertThrows(IllegalArgumentException.class, () -> new SimulationConfig(16, 0, 0, 8, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> p.withEvalSamples(Integer.MAX_VALUE / 4));
        assertEquals(SimulationMethod.WASSERSTEIN, SimulationMethod.parse(" Wasserstein"));
        assertThrows(IllegalArgumentException.class, () -> SimulationMethod.parse("kmeans"));
        assertThrows(IllegalArgumentException.class, () -> new VqSimulation(p).run(SimulationMethod.VANILLA, 0, VqSimulation.Listener.NONE));
    }

    @Test void evaluationOfAKnownCodebook() {
        // Two codes at ±1 on a line; samples at −2, 0.5, 3 → nearest −1, +1, +1.
        Evaluation e = VqSimulation.evaluate(7, new float[] {-1, 1}, 2, new float[] {-2, 0.5f, 3}, 3, 1);
        assertEquals(7, e.step());
        assertEquals((1 + 0.25 + 4) / 3, e.quantizationError(), 1e-6);
        assertEquals(1.0, e.utilisation());
        double p1 = 1 / 3.0, p2 = 2 / 3.0;
        assertEquals(Math.exp(-(p1 * Math.log(p1) + p2 * Math.log(p2))), e.perplexity(), 1e-9);
        // 1-d Gaussians: W2² = (μ_A − μ_B)² + (σ_A − σ_B)², covariances over n.
        double ma = 0.5, va = ((2.5 * 2.5) + 0 + (2.5 * 2.5)) / 3, vb = 1;
        assertEquals(Math.sqrt(ma * ma + Math.pow(Math.sqrt(va) - Math.sqrt(vb), 2)), e.w2(), 1e-6);
    }
}
