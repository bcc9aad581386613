package dev.semid.spark.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where two runs' metrics JSON differ (the {@code metrics} object of {@code semid tokenize}'s
 * report or of the Spark job's {@code _semid.json}): every field must be equal, but the error
 * ratios, sums of floats whose order of summation differs between one JVM and partitions merged,
 * which must agree within a relative tolerance.
 */
public final class ReportDifference {
    private static final Set<String> SUMS = Set.of("relativeQuantizationError", "reconstructionMse", "inputRelativeError");

    private ReportDifference() {}

    /** The first difference, described, or null when the metrics agree. */
    public static String of(JsonNode expected, JsonNode actual, double tolerance) {
        List<String> names = names(expected);
        if (!names.equals(names(actual))) return "fields " + names + " vs " + names(actual);
        for (String name : names) {
            JsonNode e = expected.get(name), a = actual.get(name);
            if (SUMS.contains(name) && e.isNumber() && a.isNumber()) {
                if (Math.abs(e.asDouble() - a.asDouble()) > tolerance * Math.abs(e.asDouble()))
                    return name + ": " + e + " vs " + a + " (relative tolerance " + tolerance + ")";
            } else if (!e.equals(a)) {
                return name + ": " + e + " vs " + a;
            }
        }
        return null;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
