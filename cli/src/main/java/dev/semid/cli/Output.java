package dev.semid.cli;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * What a command prints, split by what {@code --quiet} keeps: the result line(s) a script reads
 * (always), and the tables and intermediate lines a person reads (not with {@code --quiet}).
 * Progress goes to standard error through {@link ProgressBar}; errors always print.
 */
final class Output {
    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    private final PrintStream result;
    private final PrintStream detail;

    Output(PrintStream out, boolean quiet) {
        this.result = out;
        this.detail = quiet ? DISCARD : out;
    }

    /** The command's result: printed even with {@code --quiet}. */
    PrintStream result() { return result; }

    /** Tables, summaries and section headers: silent with {@code --quiet}. */
    PrintStream detail() { return detail; }
}
