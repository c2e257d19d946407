package dev.dsverify.raft.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The file-system calls the storage makes, in the one flat directory that holds a server's state: the seam
 * between {@link FileStorage} and a disk. {@link FsDirectory} is the real file system; the simulator has a
 * deterministic disk that loses, keeps or tears what was not fsynced when a server crashes.
 *
 * <p>What a real file system promises, and so all this interface promises: file data survives a crash only once
 * the file is {@link DiskFile#force forced}; a created, renamed or deleted name only once the directory is
 * {@link #sync synced}.
 */
public interface Directory {

    /** The directory's path, for messages (the simulator's is not on any real disk). */
    Path path();

    default Path resolve(String name) {
        return path().resolve(name);
    }

    boolean exists(String name) throws IOException;

    long size(String name) throws IOException;

    byte[] readAll(String name) throws IOException;

    /** Opens {@code name} for reading and writing; creates it when missing if {@code create}. */
    DiskFile open(String name, boolean create) throws IOException;

    /** Creates {@code name}, which must not exist, and opens it for writing. */
    DiskFile create(String name) throws IOException;

    /** Renames {@code from} over {@code to} in one step (replacing it): after a crash, one name or the other. */
    void replace(String from, String to) throws IOException;

    void deleteIfExists(String name) throws IOException;

    /** The names starting with {@code prefix} and ending with {@code suffix}, sorted. */
    List<String> list(String prefix, String suffix) throws IOException;

    /** fsync of the directory: its created, renamed and deleted names survive a crash. */
    void sync() throws IOException;

    /** A name no file of the directory has, for a temp file next to {@code name}. */
    String tempName(String name);
}
