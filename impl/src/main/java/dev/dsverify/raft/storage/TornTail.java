package dev.dsverify.raft.storage;

import java.nio.ByteBuffer;

/**
 * What an interrupted append can leave at the end of the WAL, so that recovery can tell it from damage.
 *
 * <p>An append writes records after the last durable byte; a crash before its fsync keeps any prefix of them,
 * and the file system may also have extended the file without writing some of its pages, which then read as
 * zeros. Pages are written whole, so such a zero run starts at a page boundary, or right where the data ends.
 * A torn tail therefore reads, from the first bad record to the end of the file, as: the start of one record
 * whose fields agree with its length field and that does not fit in what was written, then zeros. A record that
 * is complete but fails its checksum, or whose length field disagrees with its own fields, was written whole
 * and damaged later: that is corruption. (A checksum cannot tell a damaged last record from a torn one in
 * general; these rules refuse every single-byte change to a completely written record.)
 */
final class TornTail {
    /** The unit in which the page cache writes file data: unwritten space after a crash is whole pages. */
    static final int PAGE = 4096;

    private TornTail() {}

    /** Null if {@code data[off, length)} has the shape of a torn append; otherwise why not. */
    static String whyNot(byte[] data, int off, int length) {
        int zeros = length;
        while (zeros > off && data[zeros - 1] == 0) {
            zeros--;
        }
        if (zeros == off) {
            return null; // nothing but zeros: space the append reserved and never filled
        }
        // Zeros from a page boundary on may be unwritten space; before it the bytes were written as they are.
        long written = Math.min(length, (zeros + PAGE - 1L) / PAGE * PAGE);
        long present = written - off;
        if (present < WalCodec.HEADER) {
            return null; // the append stopped inside the header
        }
        long len = Integer.toUnsignedLong(ByteBuffer.wrap(data, off, 4).getInt());
        if (len < WalCodec.MIN_BODY) {
            return "its length field " + len + " is shorter than any record";
        }
        if (WalCodec.HEADER + len <= present) {
            return "the whole record (" + (WalCodec.HEADER + len) + " bytes) was written";
        }
        long implied = WalCodec.impliedBodyLength(data, off + WalCodec.HEADER, (int) (present - WalCodec.HEADER));
        if (implied == WalCodec.BAD_LENGTH) {
            return "its body starts with an impossible type or length field";
        }
        if (implied != WalCodec.UNKNOWN_LENGTH && implied != len) {
            return "its length field says " + len + " bytes but its fields make " + implied;
        }
        return null;
    }
}
