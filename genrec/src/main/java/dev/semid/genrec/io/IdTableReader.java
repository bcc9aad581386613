package dev.semid.genrec.io;

import dev.semid.genrec.data.IdTable;
import dev.semid.tokenizer.io.InputException;
import dev.semid.tokenizer.io.SidReader;
import dev.semid.tokenizer.io.TokenSidReader;
import dev.semid.tokenizer.sid.DedupOverflowException;
import dev.semid.tokenizer.sid.SemanticId;
import dev.semid.tokenizer.sid.SemanticIdAssigner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an ID set with full IDs, from either kind of file:
 * <ul>
 *   <li>ours ({@code .jsonl}, {@code .csv}, {@code .tsv} from {@code semid tokenize}): as written,
 *       dedup tokens included;</li>
 *   <li>published token form ({@code .json}, key r = item r + idBase): every token is a quantizer
 *       level, and the dedup token is added by the one dedup rule ({@link SemanticIdAssigner}),
 *       since such sets can give two items the same tokens.</li>
 * </ul>
 */
public final class IdTableReader {
    private IdTableReader() {}

    public static IdTable read(Path file, long idBase) {
        String src = file.toString();
        if (src.toLowerCase(Locale.ROOT).endsWith(".json")) {
            int[][] codes = TokenSidReader.read(file);
            List<String> ids = new ArrayList<>(codes.length);
            for (int r = 0; r < codes.length; r++) ids.add(Long.toString(idBase + r));
            List<SemanticId> sids;
            try {
                sids = new SemanticIdAssigner().assign(ids, codes).ids();
            } catch (DedupOverflowException e) {
                throw new InputException(src, null, e.getMessage());
            }
            return new IdTable(ids, sids);
        }
        SidReader.Rows rows = SidReader.read(file);
        return new IdTable(rows.ids(), rows.sids());
    }
}
