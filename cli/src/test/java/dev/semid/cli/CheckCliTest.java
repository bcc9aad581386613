package dev.semid.cli;

import org.junit.jupiter.api.Test;

import static dev.semid.cli.CliTest.semid;
import static org.junit.jupiter.api.Assertions.*;

/** `semid check`'s edge; the checker itself runs against a real stream in serving's StreamCheckerTest. */
class CheckCliTest {
    @Test void withoutABrokerItSaysWhatIsMissing() {
        CliTest.Run r = semid("check", "--bootstrap=", "--index", "idx", "--model", "m");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--bootstrap"), r.err());
    }
}
