package dev.semid.cli;

import dev.semid.tokenizer.sid.CollisionConfig;
import picocli.CommandLine.Option;

/** How colliding items get unique IDs. */
final class CollisionOptions {
    @Option(names = "--max-dedup", defaultValue = "255", paramLabel = "N",
            description = "Largest dedup token; items past it spill to the nearest code tuple with a free token (default ${DEFAULT-VALUE}).")
    int maxDedup;

    @Option(names = "--no-spill", description = "Fail (exit code 5) instead of spilling items past --max-dedup to another code tuple.")
    boolean noSpill;

    @Option(names = "--reassign", description = "Move colliding items to free last-level codes by a balanced (Sinkhorn) assignment before dedup tokens.")
    boolean reassign;

    @Option(names = "--reassign-rounds", defaultValue = "10", paramLabel = "N", description = "Rounds of re-assignment (default ${DEFAULT-VALUE}).")
    int rounds;

    CollisionConfig config() {
        CollisionConfig d = CollisionConfig.defaults();
        return new CollisionConfig(maxDedup, reassign, rounds, d.sinkhornIterations(), d.sinkhornEpsilon(), !noSpill);
    }
}
