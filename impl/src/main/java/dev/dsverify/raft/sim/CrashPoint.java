package dev.dsverify.raft.sim;

import java.util.List;

/**
 * Where in a server's work a scheduled crash strikes. Between steps the server's state is exactly what its last
 * completed step made durable; the others strike inside the next step that reaches them, which the crash unwinds.
 */
public enum CrashPoint {
    /** At the scheduled time, between two steps. */
    BETWEEN_STEPS("crash", "crash"),
    /** At the next fsync (of a file or of the directory): the write before it may be lost, kept or torn. */
    WRITE_FSYNC("tcrash", "crash between a write and its fsync"),
    /** After a Ready is persisted (its trace lines written), before any of its messages is sent. */
    AFTER_PERSIST("pcrash", "crash after persisting, before sending"),
    /** After a Ready's messages are sent, before its committed entries are applied and clients answered. */
    AFTER_SEND("scrash", "crash after sending, before applying");

    /** The points inside a step, in the order a step reaches them. */
    public static final List<CrashPoint> IN_STEP = List.of(WRITE_FSYNC, AFTER_PERSIST, AFTER_SEND);

    private final String text;
    private final String description;

    CrashPoint(String text, String description) {
        this.text = text;
        this.description = description;
    }

    /** The fault's name in a schedule's text ({@link ScheduleText}). */
    public String text() {
        return text;
    }

    public String description() {
        return description;
    }

    /** The point named {@code text} in a schedule, or null. */
    static CrashPoint ofText(String text) {
        for (CrashPoint p : values()) {
            if (p.text.equals(text)) {
                return p;
            }
        }
        return null;
    }
}
