package dev.dsverify.raft.net;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A connection's input with the two timeouts of {@link ServerLimits}: between frames a read waits at most the
 * idle timeout; once a frame has begun, every read waits at most until the frame's deadline, so a sender
 * trickling one byte at a time cannot hold the connection longer than the frame timeout.
 */
final class TimedInput extends FilterInputStream {
    /** Nothing arrived within the idle timeout between frames. */
    static final class IdleException extends IOException {
        IdleException(String message) {
            super(message);
        }
    }

    private final Socket socket;
    private final int idleMillis;
    private final int frameMillis;
    private long frameDeadlineNanos; // 0: between frames

    TimedInput(Socket socket, InputStream in, int idleMillis, int frameMillis) {
        super(in);
        this.socket = socket;
        this.idleMillis = idleMillis;
        this.frameMillis = frameMillis;
    }

    /** The current frame is complete: the next byte starts the next frame's deadline. */
    void frameDone() {
        frameDeadlineNanos = 0;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int r = read(one, 0, 1);
        return r < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        boolean inFrame = frameDeadlineNanos != 0;
        int timeout = idleMillis;
        if (inFrame) {
            long left = (frameDeadlineNanos - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new BadFrameException("frame not complete within " + frameMillis + " ms");
            }
            timeout = (int) Math.min(idleMillis, left);
        }
        socket.setSoTimeout(timeout);
        int r;
        try {
            r = in.read(b, off, len);
        } catch (SocketTimeoutException e) {
            if (inFrame && timeout < idleMillis) {
                throw new BadFrameException("frame not complete within " + frameMillis + " ms");
            }
            if (inFrame) {
                throw new BadFrameException("frame stalled: nothing received for " + idleMillis + " ms");
            }
            throw new IdleException("nothing received for " + idleMillis + " ms");
        }
        if (r > 0 && !inFrame) {
            frameDeadlineNanos = System.nanoTime() + frameMillis * 1_000_000L;
            if (frameDeadlineNanos == 0) {
                frameDeadlineNanos = 1;
            }
        }
        return r;
    }
}
