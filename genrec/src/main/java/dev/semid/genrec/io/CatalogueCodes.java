package dev.semid.genrec.io;

import dev.semid.eval.recsys.Interactions;
import dev.semid.genrec.data.IdTable;
import dev.semid.genrec.data.ItemCodes;
import dev.semid.tokenizer.io.InputException;

import java.nio.file.Path;

/** The IDs of a sequences file's items, where a missing ID is an input error naming the file and the items. */
public final class CatalogueCodes {
    private CatalogueCodes() {}

    public static ItemCodes of(Interactions data, IdTable ids, Path sequences) {
        try {
            return ItemCodes.of(data.items().ids(), ids);
        } catch (ItemCodes.MissingIdException e) {
            throw new InputException(sequences.toString(), null, e.getMessage());
        }
    }
}
