package dev.semid.tokenizer.io;

import dev.semid.tokenizer.sid.CollisionConfig;
import dev.semid.tokenizer.sid.SemanticIdAssigner;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Semantic IDs for scale tests and benchmarks: n items "1".."n" with uniform random codes in
 * L × K, made unique by the {@link SemanticIdAssigner} as any real tokenization would be.
 */
public final class SyntheticIds {
    private SyntheticIds() {}

    public static SidReader.Rows generate(int n, int levels, int codebookSize, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> ids = new ArrayList<>(n);
        int[][] codes = new int[n][levels];
        for (int i = 0; i < n; i++) {
            ids.add(Integer.toString(i + 1));
            for (int l = 0; l < levels; l++) codes[i][l] = rnd.nextInt(codebookSize);
        }
        return new SidReader.Rows(ids, new SemanticIdAssigner(CollisionConfig.defaults().withMaxDedup(Integer.MAX_VALUE - 1))
                .assign(ids, codes).ids());
    }
}
