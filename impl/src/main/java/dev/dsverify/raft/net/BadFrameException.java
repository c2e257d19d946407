package dev.dsverify.raft.net;

import java.io.IOException;

/**
 * A frame that cannot be accepted: wrong version, unknown kind, larger than the limit, or a payload that does
 * not decode. The connection it came on is closed; the node keeps running.
 */
public final class BadFrameException extends IOException {
    public BadFrameException(String message) {
        super(message);
    }
}
