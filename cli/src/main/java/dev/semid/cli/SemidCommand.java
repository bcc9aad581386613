package dev.semid.cli;

import dev.semid.index.IndexException;
import dev.semid.index.NotFoundException;
import dev.semid.tokenizer.io.InputException;
import dev.semid.tokenizer.model.ArtifactException;
import dev.semid.tokenizer.sid.DedupOverflowException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The `semid` command. Exit codes: 0 success, 1 unexpected failure, 2 usage or configuration
 * error, 3 bad input data, 4 unusable model directory, 5 dedup token range exhausted, 6 unusable
 * index (missing, corrupt, locked, or built for another model), 7 not found in the index.
 */
@Command(name = "semid", mixinStandardHelpOptions = true, version = "semid 0.1.0",
        description = "Semantic IDs for generative recommenders: train residual quantizers, tokenize items, index and look up IDs,"
                + " serve them, evaluate tokenizers and recommenders.",
        subcommands = {DemoCommand.class, EmbedCommand.class, TrainCommand.class, TokenizeCommand.class, DiffCommand.class, InspectCommand.class, IndexCommand.class, LookupCommand.class,
                ServeCommand.class, ProduceCommand.class, CheckCommand.class, EvalCommand.class, GenRecCommand.class, ReportCommand.class,
                BenchCommand.class, CompareCommand.class, SimulateCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:unexpected failure", "2:usage or configuration error", "3:bad input data",
                "4:unusable model directory", "5:dedup token range exhausted",
                "6:unusable index (missing, corrupt, locked, other model)", "7:not found in the index",
                "8:semid check found a broken guarantee"})
public final class SemidCommand implements Runnable {
    public static final int BAD_INPUT = 3, BAD_MODEL = 4, DEDUP_OVERFLOW = 5, BAD_INDEX = 6, NOT_FOUND = 7;

    /** Lucene announces its vector provider at INFO on first use; a command prints only its own output.
     *  Held in a field: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final Logger LUCENE_VECTORS = Logger.getLogger("org.apache.lucene.internal.vectorization");
    static { LUCENE_VECTORS.setLevel(Level.WARNING); }

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new SemidCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            int code;
            if (ex instanceof InputException) code = BAD_INPUT;
            else if (ex instanceof ArtifactException) code = BAD_MODEL;
            else if (ex instanceof DedupOverflowException) code = DEDUP_OVERFLOW;
            else if (ex instanceof IndexException) code = BAD_INDEX;
            else if (ex instanceof NotFoundException) code = NOT_FOUND;
            else if (ex instanceof IllegalArgumentException) code = CommandLine.ExitCode.USAGE;
            else {
                ex.printStackTrace(cmd.getErr());
                code = CommandLine.ExitCode.SOFTWARE;
            }
            cmd.getErr().println("semid " + cmd.getCommandName() + ": error: " + ex.getMessage());
            return code;
        });
        return cl.execute(args);
    }
}
