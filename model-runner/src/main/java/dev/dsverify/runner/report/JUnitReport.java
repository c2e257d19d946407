package dev.dsverify.runner.report;

import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.Outcome;
import dev.dsverify.runner.TlcWarning;
import dev.dsverify.runner.TraceState;
import dev.dsverify.runner.value.TlaValue;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Model checks as a JUnit XML report in the format Maven Surefire writes ({@code TEST-*.xml}), so that any
 * CI system that shows test results shows each model as a test case next to the unit tests. A model that
 * ended with an unexpected violation is a {@code <failure>} whose message names the violated property; a
 * run that could not check the model (parse error, TLC error, timeout, incomplete) is an {@code <error>}.
 * {@code <system-out>} holds a short form of the counterexample: each state's action and the variables
 * that changed, after the warnings TLC and SANY printed (each with its TLC message code).
 */
public final class JUnitReport {
    private static final int MAX_VALUE_CHARS = 240;
    private static final int MAX_STATES = 60;

    private final String suiteName;

    public JUnitReport(String suiteName) {
        this.suiteName = Objects.requireNonNull(suiteName, "suiteName");
    }

    public void write(Path file, List<ModelReport> reports, Instant timestamp) {
        AtomicFiles.writeString(file, render(reports, timestamp));
    }

    public String render(List<ModelReport> reports, Instant timestamp) {
        long failures = reports.stream().filter(r -> !r.passed() && !isError(r)).count();
        long errors = reports.stream().filter(r -> !r.passed() && isError(r)).count();
        Duration total = reports.stream().map(r -> duration(r.result())).reduce(Duration.ZERO, Duration::plus);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuite");
            w.writeAttribute("name", suiteName);
            w.writeAttribute("time", Formats.seconds(total));
            w.writeAttribute("tests", Integer.toString(reports.size()));
            w.writeAttribute("errors", Long.toString(errors));
            w.writeAttribute("skipped", "0");
            w.writeAttribute("failures", Long.toString(failures));
            w.writeAttribute("timestamp", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    timestamp.atOffset(ZoneOffset.UTC).withNano(0)));
            w.writeCharacters("\n  ");
            w.writeEmptyElement("properties");
            for (ModelReport r : reports) {
                w.writeCharacters("\n  ");
                testCase(w, r);
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private void testCase(XMLStreamWriter w, ModelReport r) throws XMLStreamException {
        ModelCheckResult res = r.result();
        w.writeStartElement("testcase");
        w.writeAttribute("name", xml(r.name()));
        w.writeAttribute("classname", xml(suiteName));
        w.writeAttribute("time", Formats.seconds(duration(res)));
        if (!r.passed()) {
            w.writeCharacters("\n    ");
            w.writeStartElement(isError(r) ? "error" : "failure");
            w.writeAttribute("message", xml(r.name() + ": " + r.describe()));
            w.writeAttribute("type", res.outcome().jsonName());
            w.writeCharacters(xml(failureText(r)));
            w.writeEndElement();
        }
        String out = systemOut(res);
        if (!out.isEmpty()) {
            w.writeCharacters("\n    ");
            w.writeStartElement("system-out");
            w.writeCharacters(xml(out));
            w.writeEndElement();
        }
        w.writeCharacters("\n  ");
        w.writeEndElement();
    }

    /** A run that never got to judge the model is an error; a model judged wrong (or right, unexpectedly) a failure. */
    private static boolean isError(ModelReport r) {
        Outcome o = r.result().outcome();
        return o != Outcome.SUCCESS && !o.isViolation();
    }

    private static String failureText(ModelReport r) {
        ModelCheckResult res = r.result();
        StringBuilder sb = new StringBuilder();
        sb.append(r.describe()).append('\n');
        if (res.message() != null && !res.message().isBlank()) {
            sb.append(res.message().strip()).append('\n');
        }
        if (res.errorPosition() != null) {
            sb.append("at ").append(res.errorPosition()).append('\n');
        }
        return sb.toString();
    }

    private static String systemOut(ModelCheckResult res) {
        StringBuilder sb = new StringBuilder();
        if (!res.warnings().isEmpty()) {
            sb.append(res.warnings().size()).append(res.warnings().size() == 1 ? " warning" : " warnings")
                    .append(" from TLC:\n");
            for (TlcWarning w : res.warnings()) {
                sb.append("  warning (").append(w.source()).append("): ").append(w.oneLine()).append('\n');
            }
        }
        List<TraceState> trace = res.trace();
        Integer loop = HtmlReport.loopIndex(res);
        if (!trace.isEmpty()) {
            sb.append("Counterexample, ").append(trace.size()).append(" states (changed variables only):\n");
            int from = Math.max(0, trace.size() - MAX_STATES);
            if (from > 0) {
                sb.append("  ... ").append(from).append(" earlier states omitted\n");
            }
            for (int i = from; i < trace.size(); i++) {
                TraceState s = trace.get(i);
                TraceState prev = i == 0 ? null : trace.get(i - 1);
                sb.append(loop != null && i == loop ? "->" : "  ");
                sb.append(s.number()).append(": ").append(s.label());
                if (s.location() != null) {
                    sb.append(" (").append(s.location()).append(')');
                }
                sb.append('\n');
                for (Map.Entry<String, TlaValue> e : s.vars().entrySet()) {
                    if (prev == null || !Objects.equals(prev.vars().get(e.getKey()), e.getValue())) {
                        String v = e.getValue().toTla();
                        if (v.length() > MAX_VALUE_CHARS) {
                            v = v.substring(0, MAX_VALUE_CHARS) + " ...";
                        }
                        sb.append("      ").append(e.getKey()).append(" = ").append(v).append('\n');
                    }
                }
            }
            if (loop != null) {
                sb.append("  then back to state ").append(trace.get(loop).number()).append('\n');
            }
            if (res.stuttering()) {
                sb.append("  then stuttering forever\n");
            }
        }
        if (res.stats() != null && res.stats().distinctStates() >= 0) {
            sb.append("distinct states: ").append(Formats.countAscii(res.stats().distinctStates()))
                    .append(", depth: ").append(Formats.countAscii(res.stats().depth()))
                    .append(", generated: ").append(Formats.countAscii(res.stats().generatedStates())).append('\n');
        }
        return sb.toString();
    }

    private static Duration duration(ModelCheckResult r) {
        return r.stats() == null || r.stats().duration() == null ? Duration.ZERO : r.stats().duration();
    }

    /** Drops characters XML 1.0 cannot carry at all (TLC strings may contain them), keeping the rest. */
    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (ok) {
                sb.appendCodePoint(cp);
            } else {
                sb.append(String.format("\\u%04x", cp));
            }
        });
        return sb.toString();
    }
}
