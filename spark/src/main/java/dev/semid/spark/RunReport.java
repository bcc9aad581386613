package dev.semid.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.semid.tokenizer.metrics.TokenizerMetrics;
import dev.semid.tokenizer.sid.SemanticId;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code _semid.json} beside the Parquet parts: the report {@code semid tokenize} writes as its
 * metrics JSON (model fingerprint, items, seconds, output, metrics). The metrics are
 * {@link TokenizerMetrics#of(int[][], int, List)} on the codes collected to the driver (usage and
 * collisions; the quantization errors need the latents, which stay on the executors), so the
 * driver holds (L+1) ints per item.
 */
final class RunReport {
    static final String FILE = "_semid.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunReport() {}

    static Map<String, Object> of(Dataset<Row> ids, ModelFiles model, double seconds, String output) {
        List<SidRow> rows = ids.as(Encoders.bean(SidRow.class)).collectAsList();
        int[][] codes = new int[rows.size()][];
        List<SemanticId> sids = new ArrayList<>(rows.size());
        for (int i = 0; i < codes.length; i++) {
            int[] all = rows.get(i).getCodes();
            codes[i] = Arrays.copyOf(all, all.length - 1);
            sids.add(new SemanticId(codes[i], all[all.length - 1]));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", model.fingerprint());
        report.put("items", rows.size());
        report.put("seconds", seconds);
        report.put("output", output);
        report.put("metrics", TokenizerMetrics.of(codes, model.codebookSize(), sids));
        return report;
    }

    static void write(Map<String, Object> report, String dir, org.apache.hadoop.conf.Configuration conf) throws IOException {
        var path = new org.apache.hadoop.fs.Path(dir, FILE);
        FileSystem fs = path.getFileSystem(conf);
        try (FSDataOutputStream out = fs.create(path, false)) {
            out.write(JSON.writeValueAsBytes(report));
        }
    }
}
