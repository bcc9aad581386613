package dev.semid.tokenizer.index;

import dev.semid.tokenizer.sid.SemanticId;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lookups over one point-in-time view of the index: item → ID, ID → item(s), prefix → items
 * (paged in ID order), count per prefix and the children of a prefix with their counts.
 * Exact lookups seek the term dictionary directly and read doc values (no scoring, no stored
 * fields), which is what makes them cheap. Not thread-safe: one per thread per view
 * ({@link SidIndexReader#read}, {@link SidIndexWriter#read}).
 */
public final class SidLookup {
    public static final int MAX_PAGE = 10_000;

    private final IndexSearcher searcher;
    private final IndexModel model;
    private final List<LeafReaderContext> leaves;

    SidLookup(IndexSearcher searcher, IndexModel model) {
        this.searcher = searcher;
        this.model = model;
        this.leaves = searcher.getIndexReader().leaves();
    }

    public IndexModel model() { return model; }

    /** Items in this view. */
    public long size() { return searcher.getIndexReader().numDocs(); }

    /** The entry of an item, without its payload. */
    public Optional<SidEntry> item(String itemId) { return item(itemId, false); }

    public Optional<SidEntry> item(String itemId, boolean withPayload) {
        return find(SidIndexSchema.ITEM, new BytesRef(itemId), withPayload);
    }

    /** The item holding exactly this ID, if any. */
    public Optional<SidEntry> holder(SemanticId sid) {
        return find(SidIndexSchema.SID, new BytesRef(sid.toString()), false);
    }

    /**
     * ID → item(s): a full ID ({@code 12-201-7-0}, L codes and the dedup token) gives its item;
     * a bare code tuple ({@code 12-201-7}) gives every item sharing it, in dedup order.
     */
    public List<SidEntry> sid(String text, boolean withPayload) {
        int n = text == null || text.isEmpty() ? 0 : text.split("-", -1).length;
        if (n == model.levels()) {
            PrefixPage all = prefix(text, null, MAX_PAGE, withPayload);
            return all.items();
        }
        if (n != model.levels() + 1)
            throw new IllegalArgumentException("'" + text + "' is not a semantic ID of this index: expected " + model.idFormat()
                    + " (or the " + model.levels() + " codes without the dedup token)");
        SemanticId sid = model.parseSid(text);
        return find(SidIndexSchema.SID, new BytesRef(sid.toString()), withPayload).map(List::of).orElse(List.of());
    }

    /** Items under {@code prefix} ("" = all), after the ID {@code after} (exclusive, null = from the start). */
    public PrefixPage prefix(String prefix, String after, int limit, boolean withPayload) {
        if (limit < 1 || limit > MAX_PAGE) throw new IllegalArgumentException("page size must be 1.." + MAX_PAGE + ", got " + limit);
        String canonical = canonical(model.parsePrefix(prefix));
        Query q = query(canonical);
        try {
            long total = searcher.count(q);
            int maxDoc = searcher.getIndexReader().maxDoc();
            if (maxDoc == 0) return new PrefixPage(canonical, 0, List.of(), null);
            // IDs are unique, so the cursor's doc only has to sort after any doc with an equal key
            FieldDoc cursor = after == null ? null
                    : new FieldDoc(maxDoc - 1, Float.NaN, new Object[] {SidIndexSchema.key(model.parseSid(after))});
            // one hit more than asked tells whether another page follows
            TopDocs top = searcher.searchAfter(cursor, q, limit + 1, SidIndexSchema.BY_ID);
            int n = Math.min(limit, top.scoreDocs.length);
            List<SidEntry> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int doc = top.scoreDocs[i].doc;
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                items.add(entry(leaf.reader(), doc - leaf.docBase, withPayload));
            }
            String next = top.scoreDocs.length > limit ? items.getLast().sid().toString() : null;
            return new PrefixPage(canonical, total, items, next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Items under {@code prefix} ("" = all). */
    public long count(String prefix) {
        try {
            return searcher.count(query(canonical(model.parsePrefix(prefix))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The next level under {@code prefix} with item counts, by code: level-1 codes under the root,
     * dedup tokens under a full code tuple. Empty when nothing lies under the prefix.
     */
    public List<PrefixChild> children(String prefix) {
        int[] codes = model.parsePrefix(prefix);
        String canonical = canonical(codes);
        String field = codes.length == model.levels() ? SidIndexSchema.DEDUP : SidIndexSchema.codeField(codes.length);
        long[] counts;
        try {
            counts = searcher.search(query(canonical), new ChildCounts(field));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<PrefixChild> out = new ArrayList<>();
        for (int c = 0; c < counts.length; c++)
            if (counts[c] > 0) out.add(new PrefixChild(c, canonical.isEmpty() ? Integer.toString(c) : canonical + "-" + c, counts[c]));
        return out;
    }

    private static String canonical(int[] codes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < codes.length; i++) {
            if (i > 0) sb.append('-');
            sb.append(codes[i]);
        }
        return sb.toString();
    }

    private static Query query(String canonicalPrefix) {
        return canonicalPrefix.isEmpty() ? new MatchAllDocsQuery() : new TermQuery(new Term(SidIndexSchema.PREFIX, canonicalPrefix));
    }

    /** The live document with this exact term, if any (the schema keeps item and sid unique). */
    private Optional<SidEntry> find(String field, BytesRef term, boolean withPayload) {
        try {
            for (LeafReaderContext leaf : leaves) {
                LeafReader r = leaf.reader();
                Terms terms = r.terms(field);
                if (terms == null) continue;
                TermsEnum te = terms.iterator();
                if (!te.seekExact(term)) continue;
                PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
                Bits live = r.getLiveDocs();
                for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc())
                    if (live == null || live.get(doc)) return Optional.of(entry(r, doc, withPayload));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SidEntry entry(LeafReader r, int doc, boolean withPayload) throws IOException {
        BinaryDocValues item = DocValues.getBinary(r, SidIndexSchema.ITEM);
        SortedDocValues key = DocValues.getSorted(r, SidIndexSchema.KEY);
        if (!item.advanceExact(doc) || !key.advanceExact(doc))
            throw new IndexException("document " + doc + " lacks its item or key doc values: the index is corrupt");
        String payload = withPayload ? r.storedFields().document(doc, Set.of(SidIndexSchema.PAYLOAD)).get(SidIndexSchema.PAYLOAD) : null;
        return new SidEntry(item.binaryValue().utf8ToString(), SidIndexSchema.fromKey(key.lookupOrd(key.ordValue())), payload);
    }

    /** Counts the values of one numeric doc-values field over the matching documents. */
    private static final class ChildCounts implements CollectorManager<ChildCounts.Counter, long[]> {
        private final String field;

        ChildCounts(String field) { this.field = field; }

        @Override public Counter newCollector() { return new Counter(field); }

        @Override public long[] reduce(Collection<Counter> collectors) {
            long[] total = new long[0];
            for (Counter c : collectors) {
                if (c.counts.length > total.length) total = Arrays.copyOf(total, c.counts.length);
                for (int i = 0; i < c.counts.length; i++) total[i] += c.counts[i];
            }
            return total;
        }

        static final class Counter extends SimpleCollector {
            private final String field;
            private long[] counts = new long[256];
            private NumericDocValues values;

            Counter(String field) { this.field = field; }

            @Override protected void doSetNextReader(LeafReaderContext context) throws IOException {
                values = DocValues.getNumeric(context.reader(), field);
            }

            @Override public void collect(int doc) throws IOException {
                if (!values.advanceExact(doc)) return;
                int v = (int) values.longValue();
                if (v >= counts.length) counts = Arrays.copyOf(counts, Math.max(v + 1, counts.length * 2));
                counts[v]++;
            }

            @Override public ScoreMode scoreMode() { return ScoreMode.COMPLETE_NO_SCORES; }
        }
    }
}
