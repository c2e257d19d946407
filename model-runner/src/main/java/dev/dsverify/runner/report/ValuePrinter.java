package dev.dsverify.runner.report;

import dev.dsverify.runner.value.TlaFunction;
import dev.dsverify.runner.value.TlaRecord;
import dev.dsverify.runner.value.TlaSeq;
import dev.dsverify.runner.value.TlaSet;
import dev.dsverify.runner.value.TlaValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints TLA+ values for people: a value that fits in {@code width} columns stays on one line, exactly as TLC
 * prints it; a longer record, function, set or sequence puts one element per line, indented, recursively.
 * The output is plain text (escaping for HTML is the caller's job).
 */
public final class ValuePrinter {
    private static final String INDENT = "  ";
    private final int width;

    public ValuePrinter(int width) {
        if (width < 10) {
            throw new IllegalArgumentException("width must be at least 10, got " + width);
        }
        this.width = width;
    }

    public String print(TlaValue value) {
        StringBuilder sb = new StringBuilder();
        print(value, "", 0, 0, sb);
        return sb.toString();
    }

    /**
     * The top-level entries of a record or function, each printed (possibly over several lines) with its
     * key, so that a report can mark the entries that changed. Other values have no entries: empty list.
     */
    public List<Entry> entries(TlaValue value) {
        List<Entry> out = new ArrayList<>();
        if (value instanceof TlaRecord r) {
            for (Map.Entry<String, TlaValue> e : r.fields().entrySet()) {
                String head = e.getKey() + " |-> ";
                out.add(new Entry(e.getKey(), head + printAt(e.getValue(), INDENT, head.length())));
            }
        } else if (value instanceof TlaFunction f) {
            for (TlaFunction.Mapping m : f.mappings()) {
                String head = m.key().toTla() + " :> ";
                out.add(new Entry(m.key().toTla(), head + printAt(m.value(), INDENT, head.length())));
            }
        }
        return out;
    }

    /** One entry of a record or function: its key as TLA+ text and the whole printed "key |-> value". */
    public record Entry(String key, String text) {
    }

    private String printAt(TlaValue v, String indent, int used) {
        StringBuilder sb = new StringBuilder();
        print(v, indent, used, 0, sb);
        return sb.toString();
    }

    /**
     * Prints {@code v} at a position where {@code used} columns of the current line are taken and
     * {@code trailing} more (a separator) will follow it.
     */
    private void print(TlaValue v, String indent, int used, int trailing, StringBuilder sb) {
        String flat = v.toTla();
        if (used + flat.length() + trailing <= width) {
            sb.append(flat);
            return;
        }
        String inner = indent + INDENT;
        if (v instanceof TlaRecord r && !r.fields().isEmpty()) {
            sb.append("[\n");
            int i = 0;
            for (Map.Entry<String, TlaValue> e : r.fields().entrySet()) {
                String head = e.getKey() + " |-> ";
                sb.append(inner).append(head);
                boolean more = ++i < r.fields().size();
                print(e.getValue(), inner, inner.length() + head.length(), more ? 1 : 0, sb);
                sb.append(more ? ",\n" : "\n");
            }
            sb.append(indent).append(']');
        } else if (v instanceof TlaFunction f && !f.mappings().isEmpty()) {
            sb.append("(\n");
            int i = 0;
            for (TlaFunction.Mapping m : f.mappings()) {
                String head = m.key().toTla() + " :> ";
                sb.append(inner).append(head);
                boolean more = ++i < f.mappings().size();
                print(m.value(), inner, inner.length() + head.length(), more ? 3 : 0, sb);
                sb.append(more ? " @@\n" : "\n");
            }
            sb.append(indent).append(')');
        } else if (v instanceof TlaSet s && !s.elements().isEmpty()) {
            printList(s.elements(), "{", "}", indent, sb);
        } else if (v instanceof TlaSeq s && !s.elements().isEmpty()) {
            printList(s.elements(), "<<", ">>", indent, sb);
        } else {
            sb.append(flat); // scalars cannot be broken
        }
    }

    private void printList(List<TlaValue> elements, String open, String close, String indent, StringBuilder sb) {
        String inner = indent + INDENT;
        sb.append(open).append('\n');
        for (int i = 0; i < elements.size(); i++) {
            sb.append(inner);
            print(elements.get(i), inner, inner.length(), i + 1 < elements.size() ? 1 : 0, sb);
            sb.append(i + 1 < elements.size() ? ",\n" : "\n");
        }
        sb.append(indent).append(close);
    }
}
