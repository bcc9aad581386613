package dev.semid.genrec.decode;

/**
 * A model that emits an item's ID token by token: given a history and the tokens decoded so far,
 * the logits of the next position's tokens. {@link BeamSearch} drives it.
 */
public interface CodeDecoder {
    /** Per-history state computed once before decoding (e.g. the encoded history). */
    interface State extends AutoCloseable {
        @Override void close();
    }

    /** Tokens per ID (levels + dedup token). */
    int positions();

    /** Vocabulary of a position. */
    int vocab(int position);

    State start(int[][] histories);

    /**
     * Logits of position {@code position} for each row, row-major [rows × vocab(position)].
     *
     * @param rowHistory which history (index into {@link #start}'s array) each row continues
     * @param prefixes   the tokens of positions 0..position−1 of each row
     */
    float[] logits(State state, int[] rowHistory, int[][] prefixes, int position);
}
