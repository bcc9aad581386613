package dev.semid.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.semid.tokenizer.metrics.TokenizerMetrics;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code _semid.json} beside the Parquet parts: the report {@code semid tokenize} writes as its
 * metrics JSON (model fingerprint, items, seconds, output, metrics), the metrics being the ones
 * the executors counted ({@link Tokenized#metrics()}): nothing per item reaches the driver.
 */
final class RunReport {
    static final String FILE = "_semid.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunReport() {}

    static Map<String, Object> of(TokenizerMetrics metrics, ModelFiles model, double seconds, String output) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", model.fingerprint());
        report.put("items", metrics.beforeDedup().items());
        report.put("seconds", seconds);
        report.put("output", output);
        report.put("metrics", metrics);
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
