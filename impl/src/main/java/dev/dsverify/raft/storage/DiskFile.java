package dev.dsverify.raft.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An open file of a {@link Directory}: the calls the storage makes on one, every one at an explicit position.
 * Writes reach a volatile cache; only {@link #force} makes them survive a crash.
 */
public interface DiskFile extends Closeable {

    /** Reads into {@code dst} from {@code position}; the bytes read, or -1 at the end of the file. */
    int read(ByteBuffer dst, long position) throws IOException;

    /** Writes all of {@code src} at {@code position} (extending the file if needed). */
    void write(ByteBuffer src, long position) throws IOException;

    long size() throws IOException;

    /** Cuts the file to {@code size} bytes (no-op if it is not longer). */
    void truncate(long size) throws IOException;

    /** fsync (or fdatasync without {@code metadata}): everything written so far survives a crash. */
    void force(boolean metadata) throws IOException;
}
