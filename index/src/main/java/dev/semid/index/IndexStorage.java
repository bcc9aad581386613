package dev.semid.index;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where an index's files live: the file system ({@link #FILES}), or a wrapper around it. The seam
 * through which tests make writes fail, disks fill or syncs stall, without patching Lucene.
 */
@FunctionalInterface
public interface IndexStorage {
    IndexStorage FILES = FSDirectory::open;

    Directory open(Path dir) throws IOException;
}
