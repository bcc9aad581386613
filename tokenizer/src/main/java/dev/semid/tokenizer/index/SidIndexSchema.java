package dev.semid.tokenizer.index;

import dev.semid.tokenizer.sid.SemanticId;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

import java.util.HashMap;
import java.util.Map;

/**
 * The Lucene schema of the semantic-ID index, in one place. One document per item:
 * <pre>
 *   item     StringField       exact item id: the upsert/delete key and item → ID lookups
 *   item     BinaryDocValues   the item id again, read back by ID and prefix lookups without stored fields
 *   sid      StringField       canonical full ID "12-201-7-0": ID → item
 *   prefix   StringField ×L    "12", "12-201", "12-201-7": prefix → items and counts
 *   key      SortedDocValues   codes and dedup token as 4-byte big-endian ints: byte order = ID order,
 *                              the deterministic sort of prefix pages; decoded back into the ID
 *   k1..kL   NumericDocValues  the code of each level; "d" the dedup token: counting children
 *   payload  StoredField       optional text passed through from the input (e.g. a title)
 * </pre>
 * The commit user data records the schema version, the model fingerprint, the ID layout and the
 * number of items at that commit.
 */
public final class SidIndexSchema {
    public static final int VERSION = 1;
    static final String ITEM = "item", SID = "sid", PREFIX = "prefix", KEY = "key", PAYLOAD = "payload", DEDUP = "d";
    static final String DATA_SCHEMA = "semid.schema", DATA_FINGERPRINT = "semid.fingerprint", DATA_LEVELS = "semid.levels",
            DATA_CODES = "semid.codebookSize", DATA_FORMAT = "semid.idFormat", DATA_ITEMS = "semid.items";
    /** Prefix of keys that callers (e.g. the service's consumer offsets) may add to a commit. */
    public static final String USER_PREFIX = "user.";
    static final Sort BY_ID = new Sort(new SortField(KEY, SortField.Type.STRING));

    private SidIndexSchema() {}

    static String codeField(int level) { return "k" + (level + 1); }

    static Term itemTerm(String itemId) { return new Term(ITEM, itemId); }

    static Document document(SidEntry e) {
        SemanticId sid = e.sid();
        Document doc = new Document();
        doc.add(new StringField(ITEM, e.itemId(), Field.Store.NO));
        doc.add(new BinaryDocValuesField(ITEM, new BytesRef(e.itemId())));
        doc.add(new StringField(SID, sid.toString(), Field.Store.NO));
        for (int l = 1; l <= sid.levels(); l++) doc.add(new StringField(PREFIX, sid.prefix(l), Field.Store.NO));
        doc.add(new SortedDocValuesField(KEY, key(sid)));
        for (int l = 0; l < sid.levels(); l++) doc.add(new NumericDocValuesField(codeField(l), sid.code(l)));
        doc.add(new NumericDocValuesField(DEDUP, sid.dedup()));
        if (e.payload() != null) doc.add(new StoredField(PAYLOAD, e.payload()));
        return doc;
    }

    /** Codes then dedup token, 4 bytes each, big-endian: unsigned byte order equals ID order. */
    static BytesRef key(SemanticId sid) {
        int[] all = sid.withDedup();
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
        int n = key.length / 4;
        int[] codes = new int[n - 1];
        int dedup = 0;
        for (int i = 0; i < n; i++) {
            int o = key.offset + 4 * i;
            int v = (key.bytes[o] & 0xff) << 24 | (key.bytes[o + 1] & 0xff) << 16 | (key.bytes[o + 2] & 0xff) << 8 | (key.bytes[o + 3] & 0xff);
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
        if (!schema.equals(Integer.toString(VERSION)))
            throw new IndexException(where + " has index schema version " + schema + "; this semid reads version " + VERSION);
        try {
            return new IndexModel(data.get(DATA_FINGERPRINT), Integer.parseInt(data.get(DATA_LEVELS)), Integer.parseInt(data.get(DATA_CODES)));
        } catch (RuntimeException e) {
            throw new IndexException(where + " has an unreadable model record in its commit: " + e.getMessage(), e);
        }
    }
}
