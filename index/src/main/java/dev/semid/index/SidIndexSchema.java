package dev.semid.index;

import dev.semid.tokenizer.sid.SemanticId;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.bloom.BloomFilteringPostingsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene103.Lucene103PostingsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

import java.util.HashMap;
import java.util.Map;

/**
 * The Lucene schema of the semantic-ID index, in one place. One document per item:
 * <pre>
 *   item      StringField       exact item id: the upsert/delete key, and item → ID (its document's code
 *                               doc values); Bloom-filtered, so that looking up an item the index does
 *                               not hold (every new item of a stream) is cheap
 *   sid_item  term              key, item id: ID → item is one seek in the term dictionary (the item
 *                               is read off the term itself), and prefix pages in ID order by walking
 *                               the terms that start with the prefix's codes
 *   prefix    StringField ×L    "12", "12-201", "12-201-7": prefix → items and counts; Bloom-filtered, so
 *                               that the segments without a code tuple (or an ID's tuple) are skipped cheaply
 *   k1..kL    NumericDocValues  the code of each level; "d" the dedup token: item → ID, counting children
 *   payload   StoredField       optional text passed through from the input (e.g. a title)
 * </pre>
 * key = the codes and the dedup token as 4-byte big-endian ints, so that unsigned byte order is
 * ID order and a code prefix is a byte prefix.
 * The commit user data records the schema version, the model fingerprint, the ID layout and the
 * number of items at that commit.
 */
public final class SidIndexSchema {
    /**
     * 3: no item → ID term (versions 1 and 2 had {@code item_sid}, item id NUL key: a second
     * unique term per item, which flushes and merges spent most of their time writing; item → ID
     * now reads the item's code doc values, which every version has). 2: no exact-ID field
     * (version 1 had one; an ID's segments are found through its tuple's prefix). Versions 1 and
     * 2 are read and written as they are; a commit by this version marks the index 3, which older
     * semid versions refuse (their item → ID would miss the items written without the term).
     */
    public static final int VERSION = 3;
    private static final java.util.Set<String> READS = java.util.Set.of("1", "2", "3");
    static final String ITEM = "item", SID_ITEM = "sid_item", PREFIX = "prefix", PAYLOAD = "payload",
            DEDUP = "d";
    static final String DATA_SCHEMA = "semid.schema", DATA_FINGERPRINT = "semid.fingerprint", DATA_LEVELS = "semid.levels",
            DATA_CODES = "semid.codebookSize", DATA_FORMAT = "semid.idFormat", DATA_ITEMS = "semid.items";
    /** Prefix of keys that callers (e.g. the service's consumer offsets) may add to a commit. */
    public static final String USER_PREFIX = "user.";

    private SidIndexSchema() {}

    private static final String[] CODE_FIELDS = java.util.stream.IntStream.rangeClosed(1, 64).mapToObj(l -> "k" + l).toArray(String[]::new);

    static String codeField(int level) { return level < CODE_FIELDS.length ? CODE_FIELDS[level] : "k" + (level + 1); }

    static Term itemTerm(String itemId) { return new Term(ITEM, itemId); }

    /**
     * The default codec, with Bloom filters on the exact keys and the prefixes: a lookup of an
     * absent item, ID or code tuple then rarely touches a segment's term dictionary.
     */
    static Codec codec() {
        return new Lucene103Codec() {
            private final PostingsFormat bloom = new BloomFilteringPostingsFormat(new Lucene103PostingsFormat());

            @Override public PostingsFormat getPostingsFormatForField(String field) {
                return field.equals(ITEM) || field.equals(PREFIX) ? bloom : super.getPostingsFormatForField(field);
            }
        };
    }

    static Document document(SidEntry e) {
        SemanticId sid = e.sid();
        Document doc = new Document();
        doc.add(new StringField(ITEM, e.itemId(), Field.Store.NO));
        doc.add(new StringField(SID_ITEM, concat(key(sid), new BytesRef(e.itemId())), Field.Store.NO));
        for (int l = 1; l <= sid.levels(); l++) doc.add(new StringField(PREFIX, sid.tuple().text(l), Field.Store.NO));
        for (int l = 0; l < sid.levels(); l++) doc.add(new NumericDocValuesField(codeField(l), sid.code(l)));
        doc.add(new NumericDocValuesField(DEDUP, sid.dedup()));
        if (e.payload() != null) doc.add(new StoredField(PAYLOAD, e.payload()));
        return doc;
    }

    static BytesRef concat(BytesRef a, BytesRef b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a.bytes, a.offset, out, 0, a.length);
        System.arraycopy(b.bytes, b.offset, out, a.length, b.length);
        return new BytesRef(out);
    }

    /** Codes then dedup token, 4 bytes each, big-endian: unsigned byte order equals ID order. */
    static BytesRef key(SemanticId sid) {
        return keyPrefix(sid.withDedup());
    }

    /** The first bytes of the key of every ID under this code prefix. */
    static BytesRef keyPrefix(int[] all) {
        byte[] b = new byte[all.length * 4];
        for (int i = 0; i < all.length; i++) {
            b[4 * i] = (byte) (all[i] >>> 24);
            b[4 * i + 1] = (byte) (all[i] >>> 16);
            b[4 * i + 2] = (byte) (all[i] >>> 8);
            b[4 * i + 3] = (byte) all[i];
        }
        return new BytesRef(b);
    }

    static SemanticId fromKey(BytesRef key) {
        return fromKey(key.bytes, key.offset, key.length / 4);
    }

    /** The ID of {@code n} 4-byte numbers (codes, then the dedup token) at {@code bytes[offset]}. */
    static SemanticId fromKey(byte[] bytes, int offset, int n) {
        int[] codes = new int[n - 1];
        int dedup = 0;
        for (int i = 0; i < n; i++) {
            int o = offset + 4 * i;
            int v = (bytes[o] & 0xff) << 24 | (bytes[o + 1] & 0xff) << 16 | (bytes[o + 2] & 0xff) << 8 | (bytes[o + 3] & 0xff);
            if (i < n - 1) codes[i] = v;
            else dedup = v;
        }
        return new SemanticId(codes, dedup);
    }

    static Map<String, String> commitData(IndexModel model, long items) {
        Map<String, String> m = new HashMap<>();
        m.put(DATA_SCHEMA, Integer.toString(VERSION));
        m.put(DATA_FINGERPRINT, model.fingerprint());
        m.put(DATA_LEVELS, Integer.toString(model.levels()));
        m.put(DATA_CODES, Integer.toString(model.codebookSize()));
        m.put(DATA_FORMAT, model.idFormat());
        m.put(DATA_ITEMS, Long.toString(items));
        return m;
    }

    /** The model recorded in a commit; throws naming {@code where} if the data is not ours or of another schema. */
    static IndexModel modelOf(Map<String, String> data, String where) {
        String schema = data.get(DATA_SCHEMA);
        if (schema == null) throw new IndexException(where + " is a Lucene index but not a semid index (no " + DATA_SCHEMA + " in its commit)");
        if (!READS.contains(schema))
            throw new IndexException(where + " has index schema version " + schema + "; this semid reads version " + VERSION);
        try {
            return new IndexModel(data.get(DATA_FINGERPRINT), Integer.parseInt(data.get(DATA_LEVELS)), Integer.parseInt(data.get(DATA_CODES)));
        } catch (RuntimeException e) {
            throw new IndexException(where + " has an unreadable model record in its commit: " + e.getMessage(), e);
        }
    }
}
