package dev.semid.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "genrec", mixinStandardHelpOptions = true,
        description = {"Generative retrieval over semantic IDs: train a recommender on user sequences and an ID set, predict the next items",
                "with trie-constrained beam search, and compare ID sets through the same recommender.",
                "Predictions are the files `semid eval recsys --predictions` reads."},
        subcommands = {GenRecTrainCommand.class, GenRecPredictCommand.class, GenRecLeaderboardCommand.class, GenRecEmbeddingsCommand.class})
final class GenRecCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }
}
