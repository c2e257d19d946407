package dev.dsverify.conform.code;

import dev.dsverify.raft.core.Entry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The state machine of a conformance run's servers: every applied entry in order, term and command. It is the
 * most telling state machine there is (the state of any other is a function of it), and it is what Raft.tla's
 * snapshot stands for: an {@code InstallSnapshotRequest}'s {@code data} is the log prefix the snapshot replaces.
 * A snapshot's data is this list, encoded; decoding the code's snapshot gives the prefix to compare with the spec's.
 */
public final class AppliedLog {
    private final List<Entry> applied = new ArrayList<>();

    /** Applies {@code committed}, the entries from index {@code first} on, as a Ready hands them over. */
    void apply(long first, List<Entry> committed) {
        if (committed.isEmpty()) {
            return;
        }
        if (first != applied.size() + 1) {
            throw new IllegalStateException("the Ready hands over entries from " + first + " to a state machine that"
                    + " applied " + applied.size());
        }
        applied.addAll(committed);
    }

    /** Restores the state machine from a snapshot's data (or to nothing, for none). */
    void restore(byte[] data) {
        applied.clear();
        if (data != null) {
            applied.addAll(decode(data));
        }
    }

    long size() {
        return applied.size();
    }

    /** The state after the first {@code k} entries (at most as many as were applied), as a snapshot's data. */
    byte[] capture(long k) {
        return encode(applied.subList(0, (int) Math.min(k, applied.size())));
    }

    static byte[] encode(List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(entries.size());
            for (Entry e : entries) {
                out.writeLong(e.term());
                out.writeInt(e.data().length);
                out.write(e.data());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The entries a snapshot's data holds; a snapshot not taken by this state machine is an error naming it. */
    public static List<Entry> decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int n = in.readInt();
            List<Entry> out = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                long term = in.readLong();
                byte[] cmd = new byte[in.readInt()];
                in.readFully(cmd);
                out.add(new Entry(term, cmd));
            }
            if (in.available() > 0) {
                throw new IOException(in.available() + " bytes after the last entry");
            }
            return out;
        } catch (IOException | NegativeArraySizeException e) {
            throw new IllegalStateException("a snapshot's data is not a state machine of conform's servers ("
                    + e.getMessage() + ")", e);
        }
    }
}
