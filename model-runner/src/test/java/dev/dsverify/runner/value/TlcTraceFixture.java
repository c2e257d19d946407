package dev.dsverify.runner.value;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the states of an error trace out of TLC's -tool output: every 2217 message, its header line
 * ({@code N: <Action ...>}) removed. Just enough framing for the value tests; the runner has the real reader.
 */
final class TlcTraceFixture {
    private static final Pattern STATE = Pattern.compile(
            "@!@!@STARTMSG 2217:4 @!@!@\\R(\\d+): <[^\\n]*>\\R(.*?)@!@!@ENDMSG 2217 @!@!@", Pattern.DOTALL);

    /** One state as printed: its number and the assignment lines. */
    record PrintedState(int number, String body) {
        Map<String, TlaValue> vars() {
            return TlaValues.parseAssignments(body);
        }
    }

    private TlcTraceFixture() {
    }

    static String resource(String name) {
        try (InputStream in = TlcTraceFixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<PrintedState> states(String toolOutput) {
        List<PrintedState> states = new ArrayList<>();
        Matcher m = STATE.matcher(toolOutput);
        while (m.find()) {
            states.add(new PrintedState(Integer.parseInt(m.group(1)), m.group(2)));
        }
        return states;
    }

    /** The text after "v = " in a state body, i.e. exactly what TLC printed for that variable. */
    static String printedValueOf(String body, String variable) {
        Matcher m = Pattern.compile("(?m)^(?:/\\\\ )?" + Pattern.quote(variable) + " = ").matcher(body);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + variable + " in " + body);
        }
        int end = body.indexOf("\n/\\ ", m.end());
        return (end < 0 ? body.substring(m.end()) : body.substring(m.end(), end)).strip();
    }
}
