package dev.semid.spark.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One measured program in a JVM of its own: this JVM's flags (the launcher's: the vector module,
 * native access), the given heap, class path (and {@link PeakRss}'s) and system properties;
 * its wall time from start to exit, its peak RSS, exit code and output (standard error to a log).
 */
final class ChildJvm {
    record Outcome(int exitCode, double seconds, long peakRssKb, String stdout, Path log) {
        boolean ok() { return exitCode == 0; }
    }

    private ChildJvm() {}

    static Outcome run(String classPath, String heap, List<String> properties, String mainClass, List<String> args, Path log)
            throws IOException, InterruptedException, java.net.URISyntaxException {
        Path rss = Files.createTempFile(log.getParent(), "rss", ".txt");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments())
            if (!a.startsWith("-Xmx") && !a.startsWith("-D" + ScaleBench.CLI_CLASSPATH + "=")) cmd.add(a);
        cmd.add("-Xmx" + heap);
        for (String p : properties) cmd.add("-D" + p);
        String peakRss = Path.of(PeakRss.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        cmd.addAll(List.of("-cp", classPath + java.io.File.pathSeparator + peakRss, PeakRss.class.getName(), rss.toString(), mainClass));
        cmd.addAll(args);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        String stdout = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int code = p.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        String kb = Files.readString(rss).trim();
        Files.delete(rss);
        return new Outcome(code, seconds, kb.isEmpty() ? -1 : Long.parseLong(kb), stdout, log);
    }
}
