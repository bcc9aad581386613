package dev.semid.serving;

import dev.semid.tokenizer.data.Matrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static dev.semid.serving.ServiceFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Writes are closed by default: without a token they need semid.insecure-writes. */
class WriteAccessTest extends BrokerTest {
    static Matrix items;

    @BeforeAll static void model() throws Exception { items = smallModel(tmp.resolve("model")); }

    static String item(String id) { return new String(itemJson(id, items.row(7), null), StandardCharsets.UTF_8); }

    @Test void withoutATokenWritesAreRefusedSayingHowToAllowThemAndReadsStayOpen() {
        try (SemidServer s = SemidServer.start(settings(kafka.bootstrapServers(), tmp.resolve("model"), tmp.resolve("closed"), "c-"))) {
            Http post = http(s.port(), "POST", "/items", item("w1"), null);
            assertEquals(403, post.status(), post.body());
            assertTrue(post.body().contains("no semid.auth-token is set") && post.body().contains("--auth-token")
                    && post.body().contains("SEMID_AUTH_TOKEN") && post.body().contains("--insecure-writes"), post.body());
            assertEquals(403, http(s.port(), "POST", "/items", item("w1"), "any-token").status(), "no token is right when none is set");
            assertEquals(403, http(s.port(), "DELETE", "/items/w1", null, null).status());
            assertEquals(404, http(s.port(), "GET", "/items/w1", null, null).status(), "reads are open");
            assertEquals(200, http(s.port(), "POST", "/tokenize", item("w1"), null).status(), "tokenize writes nothing: open");
        }
    }

    @Test void insecureWritesOpenThemToAnyone() {
        Map<String, Object> p = settings(kafka.bootstrapServers(), tmp.resolve("model"), tmp.resolve("open"), "o-");
        p.put("semid.insecure-writes", true);
        try (SemidServer s = SemidServer.start(p)) {
            Http post = http(s.port(), "POST", "/items", item("w2"), null);
            assertEquals(202, post.status(), post.body());
            awaitTrue(Duration.ofSeconds(60), "the posted item indexed", () -> http(s.port(), "GET", "/items/w2", null, null).status() == 200);
            assertEquals(200, http(s.port(), "DELETE", "/items/w2", null, null).status());
        }
    }
}
