package dev.dsverify.runner.tlc;

import dev.dsverify.runner.TlcMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits TLC's {@code -tool} output, fed line by line, into framed messages.
 *
 * <p>Three irregularities of TLC 2.18 are handled here: SANY prints its own parse errors unframed between
 * messages 2220 and 2219; a config error nests a second STARTMSG on the same line as the text of an outer
 * 1000 message; and a JVM that dies prints unframed text (stack traces, OutOfMemoryError). Unframed lines are
 * kept separately so that an interpreter can quote them. A message nested in an error message is emitted
 * on its own and its text is also part of the error message's text.
 */
public final class TlcOutputParser {
    private static final String START = "@!@!@STARTMSG ";
    private static final String END = "@!@!@ENDMSG ";
    private static final String FRAME = " @!@!@";

    private final Consumer<TlcMessage> sink;
    private final Deque<Open> open = new ArrayDeque<>();
    private final List<TlcMessage> messages = new ArrayList<>();
    private final List<String> sanyLines = new ArrayList<>();
    private final List<String> otherLines = new ArrayList<>();
    private boolean inSany;

    private record Open(int code, int severity, StringBuilder text) {
    }

    /** @param sink called for each message as soon as it is complete (in the reading thread) */
    public TlcOutputParser(Consumer<TlcMessage> sink) {
        this.sink = sink;
    }

    public void line(String line) {
        int start = line.indexOf(START);
        if (start >= 0) {
            String before = line.substring(0, start);
            if (!before.isBlank() && !open.isEmpty()) {
                append(open.peek(), before.strip());
            }
            String header = line.substring(start + START.length());
            int frame = header.indexOf(FRAME);
            String codeSeverity = frame >= 0 ? header.substring(0, frame) : header;
            int colon = codeSeverity.indexOf(':');
            int code = parseInt(colon >= 0 ? codeSeverity.substring(0, colon) : codeSeverity);
            int severity = colon >= 0 ? parseInt(codeSeverity.substring(colon + 1)) : 0;
            if (code == 2219) {
                inSany = false;
            }
            open.push(new Open(code, severity, new StringBuilder()));
            return;
        }
        if (line.startsWith(END)) {
            String rest = line.substring(END.length());
            int frame = rest.indexOf(FRAME);
            int code = parseInt(frame >= 0 ? rest.substring(0, frame) : rest);
            // Close up to and including the matching message; anything left open inside it ends with it.
            boolean matches = open.stream().anyMatch(o -> o.code == code);
            while (matches && !open.isEmpty()) {
                Open o = open.pop();
                emit(o);
                if (o.code == code) {
                    break;
                }
            }
            return;
        }
        if (!open.isEmpty()) {
            append(open.peek(), line);
        } else if (inSany) {
            sanyLines.add(line);
        } else if (!line.isBlank()) {
            otherLines.add(line);
        }
    }

    /** Flushes messages left open when the output ended (the process died mid-message). */
    public void end() {
        while (!open.isEmpty()) {
            emit(open.pop());
        }
    }

    public List<TlcMessage> messages() {
        return List.copyOf(messages);
    }

    /** SANY's unframed output (parse and semantic errors). */
    public List<String> sanyLines() {
        return List.copyOf(sanyLines);
    }

    /** Other unframed output, such as a JVM error. */
    public List<String> otherLines() {
        return List.copyOf(otherLines);
    }

    private void emit(Open o) {
        String text = o.text.toString();
        // Trailing blank lines carry no meaning (states end with one).
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        TlcMessage m = new TlcMessage(o.code, o.severity, text.substring(0, end));
        Open outer = open.peek();
        if (outer != null && (outer.severity == 1 || outer.severity == 2) && !m.text().isEmpty()) {
            // An error message that nests another one says what the nested one says: an evaluation error in
            // the initial predicate is an empty 1000 wrapping "The second argument of \div is 0." (2179).
            append(outer, m.text());
        }
        if (m.code() == 2220) {
            inSany = true;
        }
        messages.add(m);
        sink.accept(m);
    }

    private static void append(Open o, String line) {
        if (o.text.length() > 0) {
            o.text.append('\n');
        }
        o.text.append(line);
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
