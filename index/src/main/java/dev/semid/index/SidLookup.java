package dev.semid.index;

import dev.semid.tokenizer.sid.CodeTuple;
import dev.semid.tokenizer.sid.SemanticId;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Lookups over one point-in-time view of the index: item → ID, ID → item(s), prefix → items
 * (paged in ID order), count per prefix and the children of a prefix with their counts.
 * ID → item and prefix pages walk the {@code sid_item} terms (see {@link SidIndexSchema}) and
 * read the answer off the terms: no scoring, no sorting, no doc values or stored fields, one seek
 * per segment, with each segment's enums kept between calls. Item → ID is one (Bloom-filtered)
 * seek of the item's term per segment, then its document's code doc values. Not thread-safe:
 * {@link IndexViews} keeps one per thread per view.
 */
public final class SidLookup {
    public static final int MAX_PAGE = 10_000;

    private final IndexSearcher searcher;
    private final IndexModel model;
    private final List<LeafReaderContext> leaves;
    private final TermsEnum[] sidItem, prefixes, items;
    private final int keyBytes;
    private PostingsEnum postings;

    /** A term and the entry it encodes; terms order entries (by ID for sid_item). */
    private record Hit(BytesRef term, SidEntry entry) {}

    SidLookup(IndexSearcher searcher, IndexModel model) {
        this.searcher = searcher;
        this.model = model;
        this.leaves = searcher.getIndexReader().leaves();
        this.sidItem = new TermsEnum[leaves.size()];
        this.prefixes = new TermsEnum[leaves.size()];
        this.items = new TermsEnum[leaves.size()];
        this.keyBytes = 4 * (model.levels() + 1);
    }

    IndexSearcher searcher() { return searcher; }

    public IndexModel model() { return model; }

    /** Items in this view. */
    public long size() { return searcher.getIndexReader().numDocs(); }

    /** The entry of an item, without its payload. */
    public Optional<SidEntry> item(String itemId) { return item(itemId, false); }

    public Optional<SidEntry> item(String itemId, boolean withPayload) {
        BytesRef term = new BytesRef(itemId);
        try {
            for (int i = 0; i < leaves.size(); i++) {
                TermsEnum te = termsEnum(items, SidIndexSchema.ITEM, i);
                if (te == null || !te.seekExact(term)) continue; // the Bloom filter answers most misses
                LeafReader r = leaves.get(i).reader();
                Bits live = r.getLiveDocs();
                postings = te.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc())
                    if (live == null || live.get(doc))
                        return Optional.of(new SidEntry(itemId, sidOf(r, doc), withPayload ? payload(r, doc) : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.empty();
    }

    /** A document's ID, from its code and dedup-token doc values. */
    private SemanticId sidOf(LeafReader r, int doc) throws IOException {
        int[] codes = new int[model.levels()];
        for (int l = 0; l < codes.length; l++) codes[l] = (int) value(r, SidIndexSchema.codeField(l), doc);
        return new SemanticId(codes, (int) value(r, SidIndexSchema.DEDUP, doc));
    }

    private static long value(LeafReader r, String field, int doc) throws IOException {
        NumericDocValues v = DocValues.getNumeric(r, field);
        if (!v.advanceExact(doc)) throw new IllegalStateException("document " + doc + " has no " + field + " value: not a semid index document");
        return v.longValue();
    }

    /** The item holding exactly this ID, if any. */
    public Optional<SidEntry> holder(SemanticId sid) { return holder(sid, false); }

    private Optional<SidEntry> holder(SemanticId sid, boolean withPayload) {
        return first(prefixes, SidIndexSchema.PREFIX, new BytesRef(sid.tuple().toString()), sidItem, SidIndexSchema.SID_ITEM, SidIndexSchema.key(sid),
                withPayload, this::sidItemEntry);
    }

    /**
     * ID → item(s): a full ID ({@code 12-201-7-0}, L codes and the dedup token) gives its item;
     * a bare code tuple ({@code 12-201-7}) gives every item sharing it, in dedup order.
     */
    public List<SidEntry> sid(String text, boolean withPayload) {
        int n = text == null || text.isEmpty() ? 0 : 1 + (int) text.chars().filter(ch -> ch == CodeTuple.SEPARATOR).count();
        if (n == model.levels()) return prefix(text, null, MAX_PAGE, withPayload).items();
        if (n != model.levels() + 1)
            throw new IllegalArgumentException("'" + text + "' is not a semantic ID of this index: expected " + model.idFormat()
                    + " (or the " + model.levels() + " codes without the dedup token)");
        return holder(model.parseSid(text), withPayload).map(List::of).orElse(List.of());
    }

    /** Items under {@code prefix} ("" = all), after the ID {@code after} (exclusive, null = from the start), in ID order. */
    public PrefixPage prefix(String prefix, String after, int limit, boolean withPayload) {
        if (limit < 1 || limit > MAX_PAGE) throw new IllegalArgumentException("page size must be 1.." + MAX_PAGE + ", got " + limit);
        int[] codes = model.parsePrefix(prefix);
        String canonical = CodeTuple.text(codes);
        BytesRef probe = SidIndexSchema.keyPrefix(codes), from = probe, skip = null;
        if (after != null) {
            skip = SidIndexSchema.key(model.parseSid(after));
            if (skip.compareTo(probe) > 0) from = skip;
        }
        // one entry more than asked tells whether another page follows; segments are merged by term = ID order
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++)
            hits.addAll(scan(sidItem, SidIndexSchema.SID_ITEM, i, probe, from, skip, limit + 1, withPayload, this::sidItemEntry));
        hits.sort(Comparator.comparing(Hit::term));
        List<SidEntry> items = hits.stream().limit(limit).map(Hit::entry).toList();
        String next = hits.size() > limit ? items.getLast().sid().toString() : null;
        return new PrefixPage(canonical, count(codes), items, next);
    }

    /** Every entry of the index, page by page in ID order (payloads when asked): a whole-index walk in bounded pages. */
    public void forEachEntry(boolean withPayload, java.util.function.Consumer<SidEntry> sink) {
        String after = null;
        do {
            PrefixPage page = prefix("", after, MAX_PAGE, withPayload);
            page.items().forEach(sink);
            after = page.next();
        } while (after != null);
    }

    /**
     * Every item under one full code tuple, in no particular order: one walk over its
     * {@code sid_item} terms per segment, however many there are (cheaper than probing token by
     * token for a free one).
     */
    public List<SidEntry> tuple(CodeTuple tuple) {
        if (tuple.levels() != model.levels())
            throw new IllegalArgumentException("a code tuple has " + model.levels() + " codes, got " + tuple.levels());
        BytesRef probe = SidIndexSchema.keyPrefix(tuple.toArray()), gate = new BytesRef(tuple.toString());
        List<SidEntry> out = new ArrayList<>();
        try {
            for (int i = 0; i < leaves.size(); i++) {
                if (leaves.size() > 1) { // segments without the tuple: skipped on the prefix field's Bloom filter
                    TermsEnum g = termsEnum(prefixes, SidIndexSchema.PREFIX, i);
                    if (g == null || !g.seekExact(gate)) continue;
                }
                for (Hit h : scan(sidItem, SidIndexSchema.SID_ITEM, i, probe, probe, null, Integer.MAX_VALUE, false, this::sidItemEntry))
                    out.add(h.entry());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Items under {@code prefix} ("" = all). */
    public long count(String prefix) { return count(model.parsePrefix(prefix)); }

    private long count(int[] codes) {
        if (codes.length == 0) return size();
        BytesRef term = new BytesRef(CodeTuple.text(codes));
        long n = 0;
        try {
            for (int i = 0; i < leaves.size(); i++) {
                TermsEnum te = termsEnum(prefixes, SidIndexSchema.PREFIX, i);
                if (te == null || !te.seekExact(term)) continue;
                Bits live = leaves.get(i).reader().getLiveDocs();
                if (live == null) {
                    n += te.docFreq();
                    continue;
                }
                postings = te.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc())
                    if (live.get(doc)) n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    /**
     * The next level under {@code prefix} with item counts, by code: level-1 codes under the root,
     * dedup tokens under a full code tuple. Counted from the per-level code doc values of the
     * matching items. Empty when nothing lies under the prefix.
     */
    public List<PrefixChild> children(String prefix) {
        int[] codes = model.parsePrefix(prefix);
        String canonical = CodeTuple.text(codes);
        String field = codes.length == model.levels() ? SidIndexSchema.DEDUP : SidIndexSchema.codeField(codes.length);
        Query q = canonical.isEmpty() ? new MatchAllDocsQuery() : new TermQuery(new Term(SidIndexSchema.PREFIX, canonical));
        long[] counts;
        try {
            counts = searcher.search(q, new ChildCounts(field));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<PrefixChild> out = new ArrayList<>();
        int[] child = Arrays.copyOf(codes, codes.length + 1); // the prefix and the child's code (or token): its text
        for (int c = 0; c < counts.length; c++)
            if (counts[c] > 0) {
                child[codes.length] = c;
                out.add(new PrefixChild(c, CodeTuple.text(child), counts[c]));
            }
        return out;
    }

    private SidEntry sidItemEntry(BytesRef t) {
        SemanticId sid = SidIndexSchema.fromKey(t.bytes, t.offset, model.levels() + 1);
        return new SidEntry(new BytesRef(t.bytes, t.offset + keyBytes, t.length - keyBytes).utf8ToString(), sid);
    }

    /**
     * The first live entry whose term starts with {@code probe}, in any segment (the schema keeps
     * it unique). With several segments, those whose exact {@code gate} term is absent (a Bloom
     * filter says so, mostly) are skipped without touching the term dictionary.
     */
    private Optional<SidEntry> first(TermsEnum[] gates, String gateField, BytesRef gate, TermsEnum[] enums, String field, BytesRef probe,
                                     boolean withPayload, Function<BytesRef, SidEntry> decode) {
        try {
            for (int i = 0; i < leaves.size(); i++) {
                if (leaves.size() > 1) { // with one segment the gate is one seek more for a hit, and saves nothing
                    TermsEnum g = termsEnum(gates, gateField, i);
                    if (g == null || !g.seekExact(gate)) continue;
                }
                List<Hit> h = scan(enums, field, i, probe, probe, null, 1, withPayload, decode);
                if (!h.isEmpty()) return Optional.of(h.getFirst().entry());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.empty();
    }

    /**
     * Up to {@code limit} live entries of one segment whose {@code field} terms start with
     * {@code probe}, from the first term ≥ {@code from}, leaving out terms that start with
     * {@code skip}. Postings are read only where the segment has deletions (a replaced item
     * leaves its old terms until merged) or for the payload.
     */
    private List<Hit> scan(TermsEnum[] enums, String field, int leaf, BytesRef probe, BytesRef from, BytesRef skip, int limit,
                           boolean withPayload, Function<BytesRef, SidEntry> decode) {
        List<Hit> out = new ArrayList<>(Math.min(limit, 16));
        try {
            TermsEnum te = termsEnum(enums, field, leaf);
            if (te == null || te.seekCeil(from) == TermsEnum.SeekStatus.END) return out;
            LeafReader r = leaves.get(leaf).reader();
            Bits live = r.getLiveDocs();
            for (BytesRef t = te.term(); t != null && out.size() < limit && StringHelper.startsWith(t, probe); t = te.next()) {
                if (skip != null && StringHelper.startsWith(t, skip)) continue;
                if (live == null && !withPayload) {
                    out.add(new Hit(BytesRef.deepCopyOf(t), decode.apply(t)));
                    continue;
                }
                postings = te.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc())
                    if (live == null || live.get(doc)) {
                        SidEntry e = decode.apply(t);
                        if (withPayload) e = new SidEntry(e.itemId(), e.sid(), payload(r, doc));
                        out.add(new Hit(BytesRef.deepCopyOf(t), e));
                        break;
                    }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One enum per segment and field, kept for the life of this view: seeks reuse its buffers. */
    private TermsEnum termsEnum(TermsEnum[] enums, String field, int leaf) throws IOException {
        if (enums[leaf] == null) {
            Terms terms = leaves.get(leaf).reader().terms(field);
            enums[leaf] = terms == null ? TermsEnum.EMPTY : terms.iterator();
        }
        return enums[leaf] == TermsEnum.EMPTY ? null : enums[leaf];
    }

    private static String payload(LeafReader r, int doc) throws IOException {
        return r.storedFields().document(doc, Set.of(SidIndexSchema.PAYLOAD)).get(SidIndexSchema.PAYLOAD);
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
