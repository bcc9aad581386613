package dev.semid.spark;

import java.io.Serializable;

/** One output row: the item id, its semantic ID's text form and its L codes plus the dedup token. */
public final class SidRow implements Serializable {
    private static final long serialVersionUID = 1L;

    private String id;
    private String sid;
    private int[] codes;

    public SidRow() {}

    SidRow(String id, String sid, int[] codes) {
        this.id = id;
        this.sid = sid;
        this.codes = codes;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getSid() { return sid; }
    public void setSid(String sid) { this.sid = sid; }
    public int[] getCodes() { return codes; }
    public void setCodes(int[] codes) { this.codes = codes; }
}
