package dev.semid.spark.bench;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code PeakRss FILE MAIN_CLASS ARGS...}: runs MAIN_CLASS's main and, as the JVM exits
 * ({@code System.exit} included), writes its peak resident set size (VmHWM of /proc/self/status,
 * kB; -1 off Linux) to FILE. Measured from inside, so it is that program's peak to the very end,
 * which sampling from outside would miss. No dependencies: it runs on the CLI's class path too.
 */
public final class PeakRss {
    private PeakRss() {}

    public static void main(String[] args) throws Throwable {
        Path file = Path.of(args[0]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.writeString(file, Long.toString(kb()));
            } catch (IOException e) {
                System.err.println("cannot write the peak RSS to " + file + ": " + e);
            }
        }));
        try {
            Class.forName(args[1]).getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** VmHWM in kB, or -1. */
    static long kb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) return -1;
        for (String line : Files.readAllLines(status))
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        return -1;
    }
}
