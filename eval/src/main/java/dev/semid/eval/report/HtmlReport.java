package dev.semid.eval.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One self-contained HTML page: the report JSON is embedded in the page and an inline script
 * (report.js, no libraries) draws tables and SVG charts from it, so the page opens offline from
 * a file. When the script has run, the body carries {@code data-rendered="true"} and
 * {@code data-charts="N"}, which the render test checks in headless Chromium.
 */
public final class HtmlReport {
    private HtmlReport() {}

    /** @param json the merged report ({@code title}, {@code generated}, {@code tokenizer: [...]}, {@code recsys: [...]}) */
    public static String render(String title, String json) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escapeHtml(title) + "</title>\n<style>\n" + resource("report.css") + "</style>\n</head>\n<body>\n"
                + "<noscript>This report draws its tables and charts with JavaScript; the data is in the JSON beside it.</noscript>\n"
                + "<main id=\"report\"></main>\n"
                + "<script type=\"application/json\" id=\"report-data\">" + escapeScript(json) + "</script>\n"
                + "<script>\n" + resource("report.js") + "</script>\n</body>\n</html>\n";
    }

    /** JSON inside a script element must not contain "</" (it would end the element) or "<!--". */
    static String escapeScript(String json) {
        return json.replace("</", "<\\/").replace("<!--", "\\u003c!--"); // both are escapes JSON.parse reads back
    }

    static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
