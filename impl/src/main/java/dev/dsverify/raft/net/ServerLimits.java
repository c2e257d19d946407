package dev.dsverify.raft.net;

/**
 * What one {@link TcpServer} grants the parties that connect to it, so that no one who can reach the port can
 * exhaust the node's memory, threads or sockets.
 *
 * @param maxFrameBytes      largest Raft frame accepted (client frames are further capped at
 *                           {@link Frame#MAX_CLIENT_BYTES})
 * @param maxConnections     open connections at once (peers, clients and handshakes in progress); beyond it a
 *                           new connection is closed at once
 * @param idleTimeoutMillis  a connection on which nothing arrives for this long is closed. Peer links close
 *                           themselves after {@link PeerLink#IDLE_CLOSE_MILLIS} of silence, so this must be longer
 * @param frameTimeoutMillis a frame (and a TLS handshake) must arrive whole within this long of its first byte
 * @param bufferBudgetBytes  bytes all connections together may hold in partly received frames
 */
public record ServerLimits(int maxFrameBytes, int maxConnections, int idleTimeoutMillis, int frameTimeoutMillis,
        long bufferBudgetBytes) {

    /** Room for the peers of a large cluster plus the 64 concurrent client sessions of the benchmark. */
    public static final int DEFAULT_MAX_CONNECTIONS = 128;
    public static final int DEFAULT_IDLE_TIMEOUT_MILLIS = 30_000;
    /** A full 16 MiB frame in 10 s needs 1.6 MB/s: any working link between servers does better. */
    public static final int DEFAULT_FRAME_TIMEOUT_MILLIS = 10_000;

    public ServerLimits {
        if (maxFrameBytes < 2) {
            throw new IllegalArgumentException("frame limit must be at least 2 bytes, got " + maxFrameBytes);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("connection cap must be at least 1, got " + maxConnections);
        }
        if (idleTimeoutMillis < 1 || frameTimeoutMillis < 1) {
            throw new IllegalArgumentException("timeouts must be at least 1 ms, got idle " + idleTimeoutMillis
                    + ", frame " + frameTimeoutMillis);
        }
        if (bufferBudgetBytes < maxFrameBytes) {
            throw new IllegalArgumentException("buffer budget " + bufferBudgetBytes
                    + " must hold at least one frame of " + maxFrameBytes + " bytes");
        }
    }

    /** Defaults with frame limit {@code maxFrameBytes}; four such frames may be in flight at once. */
    public static ServerLimits defaults(int maxFrameBytes) {
        return new ServerLimits(maxFrameBytes, DEFAULT_MAX_CONNECTIONS, DEFAULT_IDLE_TIMEOUT_MILLIS,
                DEFAULT_FRAME_TIMEOUT_MILLIS, 4L * maxFrameBytes);
    }

    public static ServerLimits defaults() {
        return defaults(Frame.DEFAULT_MAX_BYTES);
    }

    public ServerLimits withMaxConnections(int n) {
        return new ServerLimits(maxFrameBytes, n, idleTimeoutMillis, frameTimeoutMillis, bufferBudgetBytes);
    }

    public ServerLimits withTimeouts(int idleMillis, int frameMillis) {
        return new ServerLimits(maxFrameBytes, maxConnections, idleMillis, frameMillis, bufferBudgetBytes);
    }

    public ServerLimits withBufferBudget(long bytes) {
        return new ServerLimits(maxFrameBytes, maxConnections, idleTimeoutMillis, frameTimeoutMillis, bytes);
    }
}
