package dev.dsverify.raft.storage;

/**
 * A fact recorded outside the WAL (in the meta file): the first {@code walBytes} bytes of the WAL were durable,
 * and replaying them gives a log ending at {@code lastIndex} and the hard state's {@code term}. Recovery may
 * read damage inside those bytes only as corruption, never as an interrupted append, and a WAL shorter than
 * them has lost acknowledged data. {@link #NONE} (a fresh directory, or one written before marks existed)
 * records nothing.
 */
public record DurableMark(long walBytes, long lastIndex, long term) {
    public static final DurableMark NONE = new DurableMark(0, 0, 0);

    public DurableMark {
        if (walBytes < 0 || lastIndex < 0 || term < 0) {
            throw new IllegalArgumentException("negative durable mark " + walBytes + "/" + lastIndex + "/" + term);
        }
    }

    public boolean isNone() {
        return walBytes == 0;
    }
}
