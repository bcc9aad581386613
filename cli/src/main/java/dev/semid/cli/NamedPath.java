package dev.semid.cli;

import picocli.CommandLine;

import java.nio.file.Path;

/** {@code NAME=FILE} or just {@code FILE} (named after the file) on the command line. */
record NamedPath(String given, Path path) {
    static final class Converter implements CommandLine.ITypeConverter<NamedPath> {
        @Override public NamedPath convert(String value) {
            int eq = value.indexOf('=');
            if (eq > 0) return new NamedPath(value.substring(0, eq), Path.of(value.substring(eq + 1)));
            return new NamedPath(null, Path.of(value));
        }
    }

    /** The given NAME, else the file name without its extension ({@code letter.index.json} → {@code letter}). */
    String name() {
        if (given != null) return given;
        String n = path.getFileName().toString();
        if (n.toLowerCase(java.util.Locale.ROOT).endsWith(".index.json")) return n.substring(0, n.length() - ".index.json".length());
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
