package dev.semid.spark;

import java.util.List;

/** Item ids that are on more than one input row, named with their row counts: no item may get two IDs. */
public final class DuplicateIdException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param more whether other ids repeat beyond those named */
    DuplicateIdException(List<String> ids, List<Long> rows, boolean more) {
        super(message(ids, rows, more));
    }

    private static String message(List<String> ids, List<Long> rows, boolean more) {
        StringBuilder sb = new StringBuilder("item '" + ids.get(0) + "' is on " + rows.get(0) + " rows of the input;"
                + " item ids must be unique");
        for (int i = 1; i < ids.size(); i++)
            sb.append(i == 1 ? " (also repeated: " : ", ").append('\'').append(ids.get(i)).append("' on ").append(rows.get(i)).append(" rows");
        if (more) sb.append(ids.size() == 1 ? " (and other ids)" : ", and others)");
        else if (ids.size() > 1) sb.append(')');
        return sb.toString();
    }
}
