package dev.semid.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.UUID;

/**
 * An output directory that appears whole or not at all: everything is written into a hidden
 * sibling ({@code .NAME.semid-RANDOM}: names starting with '.' are skipped by Spark's and semid's
 * readers), which one rename turns into NAME when all is there; a failed job deletes it. The
 * rename is atomic on HDFS and local disks; object stores copy instead, but NAME still only
 * appears once the copy is complete.
 */
final class StagedDirectory {
    private final FileSystem fs;
    private final Path target, staging;
    private boolean committed;

    private StagedDirectory(FileSystem fs, Path target, Path staging) {
        this.fs = fs;
        this.target = target;
        this.staging = staging;
    }

    /** Refuses a directory that exists already (nothing is overwritten). */
    static StagedDirectory of(String dir, String option, Configuration conf) throws IOException {
        Path target = new Path(dir);
        FileSystem fs = target.getFileSystem(conf);
        target = fs.makeQualified(target);
        if (fs.exists(target)) throw new IllegalArgumentException(option + " " + dir + " exists already; give a directory that does not");
        if (target.getParent() == null) throw new IllegalArgumentException(option + " " + dir + " has no parent directory");
        return new StagedDirectory(fs, target, new Path(target.getParent(), "." + target.getName() + ".semid-" + UUID.randomUUID()));
    }

    /** Where to write. */
    String staging() { return staging.toString(); }

    /** Renames the staging directory to the target. */
    void commit() throws IOException {
        if (fs.exists(target)) throw new IOException(target + " appeared while the job ran; its output is not put there");
        if (!fs.rename(staging, target)) throw new IOException("cannot rename " + staging + " to " + target);
        committed = true;
    }

    /** Deletes what was written, the target too if it was committed (another output of the job failed after it). */
    void abort(Throwable cause) {
        try {
            fs.delete(committed ? target : staging, true);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
