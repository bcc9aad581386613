package dev.semid.cli;

import dev.semid.tokenizer.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A lab report as the commands write it: the Markdown file, the same figures as JSON beside it, and the report on stdout. */
final class MarkdownReport {
    private MarkdownReport() {}

    static void write(Path markdownFile, String markdown, Map<String, Object> json, Output output) throws IOException {
        Files.createDirectories(markdownFile.toAbsolutePath().getParent());
        AtomicFiles.write(markdownFile, o -> o.write(markdown.getBytes(StandardCharsets.UTF_8)));
        Json.write(markdownFile.resolveSibling(markdownFile.getFileName().toString().replaceAll("\\.md$", "") + ".json"), json);
        output.detail().print(markdown);
        output.result().println("report → " + markdownFile);
    }
}
