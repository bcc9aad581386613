package dev.semid.index;

import java.util.Map;

/** What `semid index info` shows: the model an index serves, its size, and its last commit's data. */
public record IndexStats(String directory, IndexModel model, String idFormat, long items, long bytesOnDisk,
                         double bytesPerItem, long commitGeneration, Map<String, String> commitData) {}
