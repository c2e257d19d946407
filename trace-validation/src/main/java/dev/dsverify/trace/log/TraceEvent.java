package dev.dsverify.trace.log;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One validated line of a trace.
 *
 * @param file  the file name as the user gave it
 * @param line  1-based line number in that file
 * @param text  the line as written
 * @param msg   the message sent, consumed or read, or null for events without one
 * @param reply the response a Handle*Request step sends, or null
 * @param state the logged post-state fields of {@code node}
 */
public record TraceEvent(String file, int line, String text, long clock, String node, EventKind kind,
                         Message msg, Message reply, ObjectNode state) {

    /** Where the line is, for messages: {@code file:line}. */
    public String where() {
        return file + ":" + line;
    }
}
