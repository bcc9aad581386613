package dev.semid.lab.simulation;

import java.util.List;

/** One method's run: final scores, wall-clock seconds (training and evaluations), and the trajectory. */
public record MethodResult(String method, double learningRate, double utilisation, double quantizationError,
                           double perplexity, double w2, double seconds, List<Evaluation> trajectory) {
    public MethodResult {
        trajectory = List.copyOf(trajectory);
    }

    static MethodResult of(String method, double lr, double seconds, List<Evaluation> trajectory) {
        Evaluation last = trajectory.get(trajectory.size() - 1);
        return new MethodResult(method, lr, last.utilisation(), last.quantizationError(), last.perplexity(), last.w2(),
                seconds, trajectory);
    }
}
