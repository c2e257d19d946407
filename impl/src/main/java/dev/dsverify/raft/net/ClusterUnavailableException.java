package dev.dsverify.raft.net;

/** No server completed an operation before the client's deadline; its outcome is unknown. */
public final class ClusterUnavailableException extends Exception {
    public ClusterUnavailableException(String message) {
        super(message);
    }
}
