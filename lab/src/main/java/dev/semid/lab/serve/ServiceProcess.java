package dev.semid.lab.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the service in a process of its own (so that a SIGKILL is a real crash), on
 * its own index and HTTP port, configured by system properties; each start appends to its log.
 */
final class ServiceProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int number, port;
    private final Path index, log;
    private final Map<String, String> settings;
    private Process process;
    private int starts;

    ServiceProcess(int number, int port, Path dir, Map<String, String> settings) throws IOException {
        this.number = number;
        this.port = port;
        this.index = dir.resolve("index");
        this.log = dir.resolve("service.log");
        this.settings = settings;
        Files.createDirectories(dir);
    }

    int number() { return number; }

    Path index() { return index; }

    Path log() { return log; }

    int starts() { return starts; }

    void start() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true", "-Xmx768m", "-XX:MaxGCPauseMillis=20",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dsemid.index=" + index, "-Dmicronaut.server.port=" + port));
        settings.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.semid.serving.SemidServer"));
        Files.writeString(log, "=== start " + (starts + 1) + " at " + java.time.Instant.now() + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        starts++;
    }

    boolean alive() { return process != null && process.isAlive(); }

    /** The exit status once it has exited, else -1. */
    int exitStatus() { return process == null || process.isAlive() ? -1 : process.exitValue(); }

    /** SIGKILL, and wait for the process to be gone; returns its exit status (137). */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        return process.exitValue();
    }

    /** SIGTERM (a clean stop commits), waiting up to {@code seconds}; false if it had to be killed. */
    boolean stop(int seconds) throws InterruptedException {
        if (process == null) return true;
        process.destroy();
        if (process.waitFor(seconds, TimeUnit.SECONDS)) return true;
        process.destroyForcibly().waitFor();
        return false;
    }

    /** True once its stream runs (readiness answers 200). */
    boolean ready() {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
