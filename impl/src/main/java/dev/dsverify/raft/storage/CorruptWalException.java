package dev.dsverify.raft.storage;

/**
 * A WAL record is damaged in a way an interrupted append cannot explain (see {@link WalCodec#decode}): acknowledged
 * data may be lost, so recovery refuses to start rather than guess. The message names the file, the byte offset
 * and what was expected there.
 */
public final class CorruptWalException extends StorageException {
    private final String file;
    private final long offset;

    public CorruptWalException(String file, long offset, String why) {
        super(file + ": corrupt record at offset " + offset + ": " + why);
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
