package dev.dsverify.conform.drive;

import dev.dsverify.conform.code.CodeCluster;
import dev.dsverify.conform.code.Projection;
import dev.dsverify.conform.spec.Messages;
import dev.dsverify.conform.spec.SpecStep;
import dev.dsverify.raft.core.Message;
import tlc2.tool.TLCState;
import tlc2.value.impl.Value;

import java.util.List;

/** One spec step to drive, with what the drivers need to read it: its parameters and what it sent. */
public record Driving(SpecStep step, TLCState before, CodeCluster cluster, Projection projection) {

    /** A server parameter ({@code i}, {@code j}) as the code's server id. */
    public String server(String param) {
        return step.arg(param).toString();
    }

    /** A value parameter ({@code v}) as the command the code is given. */
    public String command(String param) {
        String s = step.arg(param).toString();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** The message parameter {@code m} as the message in flight in the code's network. */
    public Message message() {
        Value m = step.arg("m");
        for (Message c : cluster.network()) {
            if (projection.message(c).equals(m)) {
                return c;
            }
        }
        throw new IllegalStateException("the spec's message " + m + " is not in flight in the code's network,"
                + " although the networks agreed before this step");
    }

    /** The receiver of the message parameter. */
    public String receiver() {
        return Messages.field(step.arg("m"), "to").toString();
    }

    /** The value of the per-server variable {@code var} at server {@code id} after the spec's step, as a number. */
    public long after(String var, String id) {
        Value f = (Value) step.next().lookup(var);
        return ((tlc2.value.impl.IntValue) ((tlc2.value.impl.FcnRcdValue) f.toFcnRcd()).select(projection.server(id))).val;
    }

    /** The messages the spec's step put in flight. */
    public List<Value> sentBySpec() {
        return Messages.change((Value) before.lookup("messages"), (Value) step.next().lookup("messages")).added();
    }
}
