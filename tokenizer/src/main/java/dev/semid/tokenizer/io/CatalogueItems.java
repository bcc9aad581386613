package dev.semid.tokenizer.io;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks every catalogue format makes, in one place (public for the readers of added
 * {@link FileFormat}s): which field is the id, and that every item's id is present, non-empty and
 * unique, a repeat naming both places. A reader feeds it the items in file order and it hands them
 * on to the caller's {@link CatalogueReader.Row}.
 */
public final class CatalogueItems {
    private final String src;
    private final String unit;
    private final CatalogueReader.Row row;
    private final Map<String, Long> seen = new HashMap<>();

    /**
     * @param src  the file, for messages
     * @param unit what a position counts, for messages: {@code "line"} or {@code "row"}
     */
    public CatalogueItems(String src, String unit, CatalogueReader.Row row) {
        this.src = src;
        this.unit = unit;
        this.row = row;
    }

    /** {@code named} if it is among {@code names}, or with none named the first default id field there; else null. */
    public static String idField(String named, Collection<String> names) {
        if (named != null) return names.contains(named) ? named : null;
        return CatalogueReader.DEFAULT_ID_FIELDS.stream().filter(names::contains).findFirst().orElse(null);
    }

    /**
     * The error for a record or file without its id field.
     *
     * @param where null when the whole file lacks it
     * @param kind  {@code "field"} or {@code "column"}
     * @param names the fields or columns there are
     */
    public InputException noIdField(String where, String named, String kind, Collection<String> names) {
        return new InputException(src, where, "no id " + kind + " '" + (named != null ? named : String.join("' or '", CatalogueReader.DEFAULT_ID_FIELDS))
                + "' (" + kind + "s: " + String.join(", ", names) + "; name the id with --id-field)");
    }

    /**
     * Checks an item's id and hands the item on.
     *
     * @param position its line or row, as messages name it (also in the error for a later repeat)
     * @param id       its id, null where the format has a null
     * @param fields   its fields by name, the id among them
     */
    public void add(long position, String id, Map<String, String> fields) {
        String where = unit + " " + position;
        if (id == null) throw new InputException(src, where, "the item id is null");
        if (id.isBlank()) throw new InputException(src, where, "empty item id");
        where += " (id '" + id + "')";
        Long prev = seen.putIfAbsent(id, position);
        if (prev != null) throw new InputException(src, where, "item id also on " + unit + " " + prev);
        row.accept(id, fields, where);
    }

    /**
     * What was read, once the reader is done.
     *
     * @param skipped columns left out for having no text form
     * @throws InputException when there were no items
     */
    public CatalogueReader.Summary summary(List<String> fields, List<String> skipped) {
        if (seen.isEmpty()) throw new InputException(src, null, "empty catalogue: no items");
        return new CatalogueReader.Summary(seen.size(), List.copyOf(fields), List.copyOf(skipped));
    }
}
