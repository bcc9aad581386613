package dev.semid.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** What `semid compare` and `semid compare ablation` compare: the Beauty directory, its embedding files, the methods. */
final class ComparisonOptions {
    @Option(names = "--data", defaultValue = "../shared/data/beauty", paramLabel = "DIR", description = "Beauty data directory (default ${DEFAULT-VALUE}).")
    Path data;
    @Option(names = "--embeddings", defaultValue = "embeddings-minilm-384.npy,embeddings-sasrec-32.npy", split = ",",
            description = "Embedding files in --data (default ${DEFAULT-VALUE}).")
    List<String> embeddings;
    @Option(names = "--methods", defaultValue = "rqkmeans,rqvae,wasserstein,grit,wasserstein+grit", split = ",",
            description = "Methods to compare (default ${DEFAULT-VALUE}).")
    List<String> methods;
}
