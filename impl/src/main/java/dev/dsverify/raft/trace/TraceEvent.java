package dev.dsverify.raft.trace;

import dev.dsverify.raft.core.Message;

/** One line of the trace: a protocol step of {@code node}, with the node's Lamport clock after the step. */
public record TraceEvent(long clock, String node, EventType event, Message msg, Message reply, StateChange state) {}
