package dev.semid.serving;

import dev.semid.serving.kafka.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** A test class with a real in-process broker of its own, started before its tests and stopped after them. */
abstract class BrokerTest {
    @TempDir static Path tmp;
    static EmbeddedKafka kafka;

    @BeforeAll static void startBroker() { kafka = ServiceFixture.broker(tmp.resolve("kafka")); }

    @AfterAll static void stopBroker() {
        if (kafka != null) kafka.close();
        kafka = null;
    }
}
