package dev.semid.genrec.io;

import dev.semid.genrec.data.IdTable;
import dev.semid.index.PrefixPage;
import dev.semid.index.SidEntry;
import dev.semid.index.SidIndexReader;
import dev.semid.index.SidLookup;
import dev.semid.tokenizer.sid.SemanticId;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every (item, ID) of a semantic-ID index, read in ID order a page at a time: the IDs that exist now. */
public final class IndexIds {
    private IndexIds() {}

    public static IdTable read(Path indexDir) {
        List<String> ids = new ArrayList<>();
        List<SemanticId> sids = new ArrayList<>();
        try (SidIndexReader reader = SidIndexReader.open(indexDir, null)) {
            String after = null;
            do {
                String from = after;
                PrefixPage page = reader.read(l -> l.prefix("", from, SidLookup.MAX_PAGE, false));
                for (SidEntry e : page.items()) {
                    ids.add(e.itemId());
                    sids.add(e.sid());
                }
                after = page.next();
            } while (after != null);
        }
        if (ids.isEmpty()) throw new IllegalArgumentException("index " + indexDir + " holds no items");
        return new IdTable(ids, sids);
    }
}
