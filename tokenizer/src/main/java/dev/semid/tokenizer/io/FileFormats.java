package dev.semid.tokenizer.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The {@link FileFormat}s on the class path, by extension; loaded once, on first use. */
final class FileFormats {
    private FileFormats() {}

    private static final class Loaded {
        static final Map<String, FileFormat> BY_EXTENSION = load();
    }

    /** The format that claims this extension, or null. */
    static FileFormat forExtension(String ext) {
        return Loaded.BY_EXTENSION.get(ext);
    }

    /** Every claimed extension, sorted. */
    static List<String> extensions() {
        List<String> all = new ArrayList<>(Loaded.BY_EXTENSION.keySet());
        all.sort(null);
        return all;
    }

    /** Built-in extensions followed by the added ones. */
    static List<String> withAdded(List<String> builtIn) {
        List<String> all = new ArrayList<>(builtIn);
        all.addAll(extensions());
        return all;
    }

    private static Map<String, FileFormat> load() {
        Map<String, FileFormat> byExt = new HashMap<>();
        for (FileFormat f : ServiceLoader.load(FileFormat.class, FileFormat.class.getClassLoader()))
            for (String ext : f.extensions()) {
                FileFormat other = byExt.putIfAbsent(ext, f);
                if (other != null)
                    throw new IllegalStateException("two file formats claim " + ext + ": " + other.getClass().getName()
                            + " and " + f.getClass().getName());
            }
        return Map.copyOf(byExt);
    }
}
