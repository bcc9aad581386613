package dev.semid.tokenizer.engine;

import ai.djl.Device;
import dev.semid.tokenizer.TestData;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.quantize.RqKMeansTrainer;
import dev.semid.tokenizer.TrainingListener;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One intra-op thread means one on every thread that encodes: OpenMP keeps the count per thread,
 * and a thread that never applied it starts a worker per core (the OS names them after it).
 */
class DevicesThreadsTest {
    private static long threadsNamed(String name) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).trim().equals(name);
                } catch (IOException ended) {
                    return false;
                }
            }).count();
        }
    }

    private static void onThrowawayThread(Runnable r) throws InterruptedException {
        Thread.ofPlatform().start(r).join();
    }

    @Test void anotherThreadEncodesWithoutOpenMpWorkers() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")) && Runtime.getRuntime().availableProcessors() > 1,
                "needs Linux /proc and more than one core");
        Matrix x = TestData.blobs(2000, 384, 20, 1.0, 3);
        RqKMeansConfig config = RqKMeansConfig.builder().levels(3).codes(64).iterations(3).seed(1).build();
        QuantizerModel m = new RqKMeansTrainer(config, TrainingListener.NONE).train(x);
        onThrowawayThread(() -> Devices.cpuThreads(1)); // the test thread keeps its own count for the other tests
        AtomicLong during = new AtomicLong();
        try (DjlTokenizer t = new DjlTokenizer(m, Device.cpu())) {
            Thread worker = Thread.ofPlatform().name("encoder-x").start(() -> {
                for (int i = 0; i < 20; i++) t.codes(x); // large batches: PyTorch would go parallel here
                try {
                    during.set(threadsNamed("encoder-x"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            worker.join();
        } finally {
            onThrowawayThread(() -> Devices.cpuThreads(0));
        }
        assertEquals(1, during.get(), "threads named after the encoding thread (itself and any OpenMP workers it started)");
    }
}
