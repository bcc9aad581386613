package dev.semid.cli;

import dev.semid.tokenizer.EpochReport;
import dev.semid.genrec.train.GenRecEpoch;
import dev.semid.genrec.train.GenRecListener;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Progress on stderr: a redrawn bar on a terminal; on a pipe or CI log, one line per epoch
 * (every 10th after the first 5) so logs stay readable.
 */
final class ProgressBar implements GenRecListener {
    private static final int WIDTH = 28;
    private final PrintStream out;
    private final boolean tty;
    private final boolean quiet;
    private String what = "";
    private String lastEpoch = "";
    private long lastDraw;
    private int stepEpoch = -1, stepOrigin;
    private long stepStart;
    private String stepUnit = "epoch";
    private String taskLabel;
    private long taskStart, taskDone;

    ProgressBar(PrintStream out, boolean quiet) {
        this.out = out;
        this.tty = System.console() != null && System.getenv("CI") == null;
        this.quiet = quiet;
    }

    @Override public void onStart(String what, int epochs) {
        this.what = what;
        stepUnit = what.startsWith("rq-kmeans") ? "level" : "epoch"; // k-means reports Lloyd iterations per level
        if (!quiet) out.printf(stepUnit.equals("level") ? "training %s: %d levels%n" : "training %s: up to %d epochs%n", what, epochs);
    }

    @Override public void onStep(int epoch, int step, int steps) {
        if (!tty || quiet) return;
        long now = System.nanoTime();
        if (epoch != stepEpoch || step <= 1) {
            stepEpoch = epoch;
            stepStart = now;
            stepOrigin = step;
        }
        if (step < steps && now - lastDraw < 100_000_000L) return;
        lastDraw = now;
        // this epoch's (or k-means level's) remaining steps at its pace so far
        double perStep = step > stepOrigin ? (now - stepStart) / 1e9 / (step - stepOrigin) : Double.NaN;
        out.print("\r" + bar(step / (double) steps) + String.format(" %s %d step %d/%d ETA %s  %s\u001b[K", stepUnit, epoch, step, steps,
                eta(perStep * (steps - step)), lastEpoch));
        out.flush();
    }

    @Override public void onEpoch(EpochReport r) {
        StringBuilder util = new StringBuilder();
        for (double u : r.utilisation()) util.append(util.isEmpty() ? "" : "/").append(String.format(Locale.ROOT, "%.0f", u * 100));
        StringBuilder parts = new StringBuilder();
        for (Map.Entry<String, Double> e : r.lossParts().entrySet())
            parts.append(' ').append(e.getKey()).append('=').append(String.format(Locale.ROOT, "%.4g", e.getValue()));
        lastEpoch = String.format(Locale.ROOT, "loss %.4f val-recon %.4f util %s%% ETA %s", r.trainLoss(), r.validationLoss(), util, eta(r.etaSeconds()));
        if (quiet) return;
        String line = String.format(Locale.ROOT, "epoch %d/%d %.2fs loss %.4f val-recon %.4f util %s%% reset %d ETA %s |%s",
                r.epoch(), r.epochs(), r.seconds(), r.trainLoss(), r.validationLoss(), util, r.codesReset(), eta(r.etaSeconds()), parts);
        if (tty) {
            out.print("\r" + bar(r.epoch() / (double) r.epochs()) + " " + line + "\u001b[K");
            if (r.epoch() == r.epochs()) out.println();
        } else if (r.epoch() <= 5 || r.epoch() % 10 == 0 || r.epoch() == r.epochs()) {
            out.println(line);
        }
        out.flush();
    }

    @Override public void onRecommenderEpoch(GenRecEpoch e) {
        String val = Double.isNaN(e.validationRecall()) ? "" : String.format(Locale.ROOT, " val R@10 %.4f N@10 %.4f%s (%.1fs)", e.validationRecall(),
                e.validationNdcg(), e.improved() ? " *" : "", e.validationSeconds());
        lastEpoch = String.format(Locale.ROOT, "loss %.4f best R@10 %.4f (epoch %d) ETA %s", e.loss(), e.bestRecall(), e.bestEpoch(), eta(e.etaSeconds()));
        if (quiet) return;
        String line = String.format(Locale.ROOT, "epoch %d/%d %.1fs loss %.4f%s best %.4f (epoch %d) ETA %s%s", e.epoch(), e.epochs(), e.seconds(),
                e.loss(), val, Math.max(0, e.bestRecall()), e.bestEpoch(), eta(e.etaSeconds()),
                e.skippedSteps() > 0 ? " (" + e.skippedSteps() + " steps skipped: non-finite loss or gradient)" : "");
        if (tty) out.print("\r\u001b[K");
        out.println(line);
        out.flush();
    }

    @Override public void onMessage(String message) {
        if (quiet) return;
        if (tty) out.print("\r\u001b[K");
        out.println(message);
    }

    /** Progress of a non-epoch task (tokenizing, embedding), with its rate and time left at that rate. */
    void task(String label, long done, long total) {
        if (quiet) return;
        long now = System.nanoTime();
        if (!label.equals(taskLabel) || done < taskDone) {
            taskLabel = label;
            taskStart = now;
        }
        taskDone = done;
        double rate = done / Math.max(1e-9, (now - taskStart) / 1e9);
        String pace = done > 0 && now > taskStart ? String.format(Locale.ROOT, " %,.0f/s ETA %s", rate, eta((total - done) / rate)) : "";
        if (tty) {
            if (done < total && now - lastDraw < 100_000_000L) return;
            lastDraw = now;
            out.print("\r" + bar(done / (double) total) + String.format(" %s %d/%d%s\u001b[K", label, done, total, pace));
            if (done == total) out.println();
        } else if (done == total) {
            out.printf("%s %d/%d%s%n", label, done, total, pace.replaceAll(" ETA .*", ""));
        }
        out.flush();
    }

    private static String bar(double f) {
        int full = (int) Math.round(Math.max(0, Math.min(1, f)) * WIDTH);
        return "[" + "#".repeat(full) + ".".repeat(WIDTH - full) + "]";
    }

    private static String eta(double s) {
        if (!Double.isFinite(s)) return "?";
        long t = Math.round(s);
        return t >= 60 ? String.format("%dm%02ds", t / 60, t % 60) : t + "s";
    }
}
