/**
 * Offline evaluation of semantic-ID assignments and recommenders.
 * <ul>
 *   <li>{@code recsys}: the leave-one-out protocol, full-ranking Recall/NDCG@K, the built-in
 *       baselines (popularity, item-kNN, semantic-ID prefix), predictions from files, and paired
 *       bootstrap comparison;</li>
 *   <li>{@code quality}: tokenizer quality of any ID set (code usage, collisions, prefix tree,
 *       neighbour preservation), built on the tokenizer's metrics;</li>
 *   <li>{@code io}: readers of sequences, predictions and ID files; {@code report}: the HTML page;</li>
 *   <li>{@code math}: dense scoring and top-k selection shared by kNN and neighbour search;</li>
 *   <li>{@code churn}: how far two ID sets of one catalogue differ (after a retrain).</li>
 * </ul>
 * Plain Java: no files or CLI in the metric code, no DJL except through the tokenizer contract.
 */
package dev.semid.eval;
