package dev.semid.genrec.decode;

/** Recommended items per history, best first, with the model's score of each (higher is better). */
public record Ranking(int[][] items, float[][] scores) {}
