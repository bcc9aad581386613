package dev.semid.cli;

import picocli.CommandLine;

import java.nio.file.Path;

/** {@code NAME=FILE} or just {@code FILE} (named after the file) on the command line. */
record NamedPath(String name, Path path) {
    static final class Converter implements CommandLine.ITypeConverter<NamedPath> {
        @Override public NamedPath convert(String value) {
            int eq = value.indexOf('=');
            if (eq > 0) return new NamedPath(value.substring(0, eq), Path.of(value.substring(eq + 1)));
            return new NamedPath(null, Path.of(value));
        }
    }

    String nameOr(String fallback) { return name != null ? name : fallback; }
}
