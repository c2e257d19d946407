package dev.dsverify.trace.log;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A message as a trace line carries it. {@code fields} is the validated JSON object (all contract fields of
 * its type present and well typed); {@code clock} is the sender's Lamport clock, used only for ordering.
 */
public record Message(String type, String from, String to, long term, long clock, ObjectNode fields) {
}
