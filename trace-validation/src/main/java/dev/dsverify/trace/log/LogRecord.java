package dev.dsverify.trace.log;

import tlc2.value.impl.Value;

/**
 * One line of a log of any system, read for a user's trace spec.
 *
 * @param file  the file name as the user gave it
 * @param line  1-based line number in that file
 * @param text  the line as written
 * @param clock the line's Lamport clock ({@code clock} field), or null when it has none
 * @param node  the {@code node} field when it is a string, or null
 * @param event the {@code event} field when it is a string, or null (used only to count coverage)
 * @param value the line as a TLA+ record (see {@link JsonLogReader} for the mapping)
 */
public record LogRecord(String file, int line, String text, Long clock, String node, String event, Value value) {

    /** Where the line is, for messages: {@code file:line}. */
    public String where() {
        return file + ":" + line;
    }
}
