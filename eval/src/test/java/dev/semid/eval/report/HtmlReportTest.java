package dev.semid.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.semid.eval.quality.IdSet;
import dev.semid.eval.quality.TokenizerQuality;
import dev.semid.eval.recsys.PairedBootstrap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The page is self-contained and really draws its charts: rendered in headless Chromium, the
 * DOM after the script ran must hold the SVG charts and the script's completion marker. Without
 * /usr/bin/chromium the render test is skipped, except in CI (CI=true), where it must run.
 */
class HtmlReportTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    @TempDir Path dir;

    /** ID sets of 2 and 3 levels with neighbours (2 + 3 usage charts + collisions + neighbours) and one recommender result (2). */
    static final int EXPECTED_CHARTS = 9;

    static String reportJson(String systemName) throws IOException {
        int[][] a = {{0, 0}, {0, 0}, {0, 1}, {1, 2}, {1, 2}, {3, 0}}, b = {{0, 1, 0}, {1, 1, 2}, {2, 1, 1}, {3, 2, 0}, {3, 3, 3}, {2, 0, 1}};
        List<String> items = List.of("1", "2", "3", "4", "5", "6");
        int[][] nn = {{1}, {2}, {3}, {4}, {3}, {0}};
        TokenizerReport tok = new TokenizerReport(TokenizerReport.KIND, "toy.npy", 1, List.of(
                TokenizerQuality.of(new IdSet("ours", items, a, 4, 0.25), nn, 3),
                TokenizerQuality.of(new IdSet("theirs", items, b, 4, null), nn, 3)));
        Map<String, Double> m1 = Map.of("recall@5", 0.03, "ndcg@5", 0.02), m2 = Map.of("recall@5", 0.05, "ndcg@5", 0.03);
        RecsysReport rec = new RecsysReport(RecsysReport.KIND, "toy.txt", "test", 20, List.of(5), "keep", 100, 100, 0, 0, 6, 500,
                List.of(new RecsysReport.SystemSummary("popularity", m1, 0.1, 1000), new RecsysReport.SystemSummary(systemName, m2, 0.2, 500)),
                List.of(new RecsysReport.Published("TIGER (published)", Map.of("recall@5", 0.0454, "ndcg@5", 0.0321))),
                List.of(new RecsysReport.Comparison("popularity", systemName, 1000, 0.95,
                        Map.of("recall@5", new PairedBootstrap.Interval(0.02, 0.01, 0.03), "ndcg@5", new PairedBootstrap.Interval(0.01, -0.001, 0.02)))));
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode merged = mapper.createObjectNode();
        merged.put("title", "test report");
        merged.put("generated", "2026-01-01T00:00:00Z");
        merged.putArray("tokenizer").add(mapper.valueToTree(tok));
        merged.putArray("recsys").add(mapper.valueToTree(rec));
        return mapper.writeValueAsString(merged);
    }

    @Test void pageIsSelfContainedAndTheDataCannotEndTheScript() throws IOException {
        String html = HtmlReport.render("a <b> report", reportJson("evil</script><!--"));
        assertTrue(html.contains("<title>a &lt;b&gt; report</title>"));
        assertFalse(html.contains("evil</script>"), "a </script> in the data would end the data element");
        assertTrue(html.contains("evil<\\/script>\\u003c!--"));
        for (String remote : List.of("http://", "https://", "src=\"", "<link"))
            assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains(remote), "no external resources: " + remote);
    }

    @Test void rendersItsChartsInHeadlessChromium() throws Exception {
        boolean ci = System.getenv("CI") != null;
        if (!Files.isExecutable(CHROMIUM)) {
            assertFalse(ci, "CI must run the render test: install chromium (.ci/run does)");
            Assumptions.abort("no " + CHROMIUM + "; the render test runs in CI");
        }
        Path page = dir.resolve("report.html");
        Files.writeString(page, HtmlReport.render("test report", reportJson("sid-prefix:ours")), StandardCharsets.UTF_8);
        String dom = chromium(page, "--dump-dom");
        assertTrue(dom.contains("data-rendered=\"true\""), "the script ran to the end");
        Matcher m = Pattern.compile("data-charts=\"(\\d+)\"").matcher(dom);
        assertTrue(m.find(), "chart count marker");
        assertEquals(EXPECTED_CHARTS, Integer.parseInt(m.group(1)));
        assertEquals(EXPECTED_CHARTS, countOf(dom, "<svg class=\"chart\""));
        assertTrue(countOf(dom, "<rect ") >= 10 && countOf(dom, "<path ") >= 4, "bars and lines were drawn");
        assertTrue(dom.contains("sid-prefix:ours") && dom.contains("TIGER (published)") && dom.contains("Prefix tree"));
        // every legend entry of a series has that series' one colour, also in the level-3 chart only "theirs" has
        Map<String, Set<String>> colours = new TreeMap<>();
        Matcher legend = Pattern.compile("<i style=\"background:(#[0-9a-f]{6})\"></i>([^<]+)</span>").matcher(dom);
        while (legend.find()) colours.computeIfAbsent(legend.group(2), k -> new TreeSet<>()).add(legend.group(1));
        assertTrue(colours.keySet().containsAll(List.of("ours", "theirs", "popularity", "sid-prefix:ours")), colours.toString());
        colours.forEach((name, cs) -> assertEquals(1, cs.size(), name + " is drawn in " + cs));
        assertEquals(colours.size(), colours.values().stream().map(cs -> cs.iterator().next()).distinct().count(),
                "different series, different colours: " + colours);
        Path png = dir.resolve("report.png");
        chromium(page, "--screenshot=" + png, "--window-size=1280,2400");
        assertTrue(Files.size(png) > 20_000, "a screenshot with content: " + Files.size(png) + " bytes");
    }

    private String chromium(Path page, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile")));
        cmd.addAll(List.of(extra));
        cmd.add(page.toUri().toString());
        Path stdout = dir.resolve("chromium.out"), stderr = dir.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 120 s: " + Files.readString(stderr));
        }
        assertEquals(0, p.exitValue(), Files.readString(stderr));
        return Files.readString(stdout);
    }

    private static int countOf(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }
}
