package dev.dsverify.raft.storage;

/**
 * A record before the end of the WAL fails its checksum or makes no sense. Unlike a torn last record
 * (an interrupted append, safely dropped) this means acknowledged data is damaged, so recovery refuses
 * to guess.
 */
public final class CorruptWalException extends StorageException {
    private final String file;
    private final long offset;

    public CorruptWalException(String file, long offset, String why) {
        super("corrupted WAL record in " + file + " at byte offset " + offset + ": " + why);
        this.file = file;
        this.offset = offset;
    }

    public String file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
