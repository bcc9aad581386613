package dev.semid.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.semid.tokenizer.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;

/** JSON for reports and command output; files are written atomically. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    static void write(Path file, Object value) throws IOException {
        AtomicFiles.write(file, out -> MAPPER.writeValue(new java.io.FilterOutputStream(out) {
            @Override public void close() throws IOException { flush(); } // AtomicFiles closes the stream itself
        }, value));
    }

    static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
