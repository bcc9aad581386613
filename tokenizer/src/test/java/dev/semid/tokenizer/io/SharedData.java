package dev.semid.tokenizer.io;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the read-only shared data directory next to the repository. */
final class SharedData {
    private SharedData() {}

    /** The file under the shared directory, or null when no candidate location has it. */
    static Path file(String relative) {
        String prop = System.getProperty("semid.shared");
        String[] roots = prop == null ? new String[]{"../../shared", "../shared"} : new String[]{prop, "../../shared", "../shared"};
        for (String root : roots) {
            Path p = Path.of(root).resolve(relative);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }
}
