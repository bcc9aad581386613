package dev.semid.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Offline evaluation: tokenizer quality of ID sets, and recommender Recall/NDCG@K under the leave-one-out protocol.",
                "Each writes JSON; `semid report` turns the JSON into a self-contained HTML page."},
        subcommands = {EvalTokenizerCommand.class, EvalRecsysCommand.class})
final class EvalCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }
}
