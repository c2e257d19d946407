package dev.dsverify.raft.net;

/** What a frame's payload holds; the byte after the version byte. */
public enum FrameKind {
    /** A Raft message between servers ({@link MessageCodec}). */
    RAFT(1),
    /** A client's request to a server ({@link ClientCodec}). */
    CLIENT_REQUEST(2),
    /** A server's reply to a client ({@link ClientCodec}). */
    CLIENT_REPLY(3);

    final byte code;

    FrameKind(int code) {
        this.code = (byte) code;
    }

    static FrameKind of(byte code) throws BadFrameException {
        for (FrameKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        throw new BadFrameException("unknown frame kind " + (code & 0xff));
    }
}
