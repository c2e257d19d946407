package dev.dsverify.raft.storage;

/** Durable state cannot be read or written; the message names the file and, for corruption, the byte offset. */
public class StorageException extends RuntimeException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
