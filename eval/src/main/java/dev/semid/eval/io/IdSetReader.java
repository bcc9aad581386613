package dev.semid.eval.io;

import dev.semid.eval.quality.IdSet;
import dev.semid.tokenizer.io.InputException;
import dev.semid.tokenizer.io.SidReader;
import dev.semid.tokenizer.io.TokenSidReader;
import dev.semid.tokenizer.sid.SemanticId;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an ID set from either kind of file:
 * <ul>
 *   <li>ours ({@code .jsonl}, {@code .csv}, {@code .tsv} from {@code semid tokenize}, via
 *       {@link SidReader}): the quantizer codes, without the dedup token;</li>
 *   <li>published token form ({@code .json}, e.g. {@code reference-sids/letter.index.json}, via
 *       {@link TokenSidReader}): every token is a real level; key r is item r + idBase.</li>
 * </ul>
 * Codes must lie in [0, codebookSize).
 */
public final class IdSetReader {
    private IdSetReader() {}

    public static IdSet read(String name, Path file, long idBase, int codebookSize) {
        String src = file.toString();
        List<String> ids;
        int[][] codes;
        if (src.toLowerCase(Locale.ROOT).endsWith(".json")) {
            codes = TokenSidReader.read(file);
            ids = new ArrayList<>(codes.length);
            for (int r = 0; r < codes.length; r++) ids.add(Long.toString(idBase + r));
        } else {
            SidReader.Rows f = SidReader.read(file);
            ids = f.ids();
            codes = f.sids().stream().map(SemanticId::codes).toArray(int[][]::new);
        }
        for (int i = 0; i < codes.length; i++)
            for (int l = 0; l < codes[i].length; l++)
                if (codes[i][l] >= codebookSize)
                    throw new InputException(src, "item '" + ids.get(i) + "', level " + (l + 1), "code " + codes[i][l]
                            + " is outside the codebook [0, " + codebookSize + ") (set the codebook size)");
        return new IdSet(name, ids, codes, codebookSize, null);
    }
}
