package dev.semid.spark;

import java.io.Serializable;

/**
 * One input row after the tokenizer: its codes k_1..k_L and their tuple text (the key items
 * collide on), or, for a bad row, the reason it got none. A bean because Spark encodes beans.
 */
public final class EncodedItem implements Serializable {
    private static final long serialVersionUID = 1L;

    private String id;
    private String tuple;
    private int[] codes;
    private String reason;

    public EncodedItem() {}

    static EncodedItem coded(String id, String tuple, int[] codes) {
        EncodedItem e = new EncodedItem();
        e.id = id;
        e.tuple = tuple;
        e.codes = codes;
        return e;
    }

    static EncodedItem rejected(String id, String reason) {
        EncodedItem e = new EncodedItem();
        e.id = id;
        e.reason = reason;
        return e;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTuple() { return tuple; }
    public void setTuple(String tuple) { this.tuple = tuple; }
    public int[] getCodes() { return codes; }
    public void setCodes(int[] codes) { this.codes = codes; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
