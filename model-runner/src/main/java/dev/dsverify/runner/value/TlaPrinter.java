package dev.dsverify.runner.value;

import java.util.List;
import java.util.Map;

/**
 * Prints values in TLC's syntax into one buffer. A single method recursing once per nesting level keeps
 * deep values within an ordinary thread stack (stream pipelines per level would need many frames each).
 */
final class TlaPrinter {
    private TlaPrinter() {
    }

    static String print(TlaValue value) {
        StringBuilder out = new StringBuilder();
        append(value, out);
        return out.toString();
    }

    static void append(TlaValue value, StringBuilder out) {
        if (value instanceof TlaSeq seq) {
            appendAll(seq.elements(), "<<", ">>", out);
        } else if (value instanceof TlaSet set) {
            if (set.isInterval()) {
                out.append(set.toTla());
            } else {
                appendAll(set.elements(), "{", "}", out);
            }
        } else if (value instanceof TlaRecord r) {
            if (r.fields().isEmpty()) {
                // TLA+ has no empty record literal; the empty record is the empty function, printed <<>>.
                out.append("<<>>");
                return;
            }
            out.append('[');
            String sep = "";
            for (Map.Entry<String, TlaValue> e : r.fields().entrySet()) {
                out.append(sep).append(e.getKey()).append(" |-> ");
                append(e.getValue(), out);
                sep = ", ";
            }
            out.append(']');
        } else if (value instanceof TlaFunction f) {
            if (f.mappings().isEmpty()) {
                // TLC prints the empty function as an empty sequence.
                out.append("<<>>");
                return;
            }
            out.append('(');
            String sep = "";
            for (TlaFunction.Mapping m : f.mappings()) {
                out.append(sep);
                append(m.key(), out);
                out.append(" :> ");
                append(m.value(), out);
                sep = " @@ ";
            }
            out.append(')');
        } else {
            out.append(value.toTla()); // scalars print themselves without recursion
        }
    }

    private static void appendAll(List<TlaValue> values, String open, String close, StringBuilder out) {
        out.append(open);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            append(values.get(i), out);
        }
        out.append(close);
    }
}
