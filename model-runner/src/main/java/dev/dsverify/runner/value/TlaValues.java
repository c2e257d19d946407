package dev.dsverify.runner.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses TLA+ values as TLC prints them (see {@code TlaValue.g4} for what that covers).
 *
 * <p>The generated parser and the tree visitor recurse once per nesting level. Values nested deeper than
 * 64 levels are therefore parsed on a short-lived thread with a large stack, whatever stack the
 * caller has; nesting deeper than {@link #MAX_DEPTH} is rejected with a {@link ValueParseException} before
 * parsing. Width is not limited: list elements are parsed in a loop.
 */
public final class TlaValues {
    /** Deepest bracket nesting accepted. TLC traces stay far below; beyond it the input is surely not a trace. */
    public static final int MAX_DEPTH = 1000;

    private TlaValues() {
    }

    /**
     * Parses one value, e.g. {@code [a |-> <<1, "x">>, b |-> {n1, n2}]}. Surrounding whitespace is ignored.
     *
     * @throws ValueParseException if the text is not exactly one value, with the line and column of the problem
     */
    public static TlaValue parse(String text) {
        Objects.requireNonNull(text, "text");
        return withStackFor(text, () -> {
            ParserRuleContext tree = parseTree(text, TlaValueParser::singleValue);
            return new ValueBuilder(text).visit(((TlaValueParser.SingleValueContext) tree).value());
        });
    }

    /**
     * Parses the variables of one TLC state, in the order printed: the lines after the {@code N: <Action ...>}
     * header of a 2217 message, i.e. {@code /\ x = 1} lines (a value may continue on following lines) or a
     * single {@code x = 1} when the spec has one variable. Blank text gives an empty map.
     *
     * @throws ValueParseException on malformed text or a variable assigned twice
     */
    public static Map<String, TlaValue> parseAssignments(String body) {
        Objects.requireNonNull(body, "body");
        return withStackFor(body, () -> {
            ParserRuleContext tree = parseTree(body, TlaValueParser::assignments);
            List<TlaValueParser.AssignmentContext> list =
                    tree instanceof TlaValueParser.SingleAssignmentContext single
                            ? List.of(single.assignment())
                            : ((TlaValueParser.ConjunctionOfAssignmentsContext) tree).assignment();
            ValueBuilder builder = new ValueBuilder(body);
            Map<String, TlaValue> vars = new LinkedHashMap<>();
            for (TlaValueParser.AssignmentContext a : list) {
                String name = a.name.getText();
                if (vars.containsKey(name)) {
                    throw ValueParseException.at(body, a.name.getLine(), a.name.getCharPositionInLine() + 1,
                            "variable " + name + " is assigned twice");
                }
                vars.put(name, builder.visit(a.value()));
            }
            return Collections.unmodifiableMap(vars);
        });
    }

    /**
     * Builds a function in the form TLC would print it, so that it equals what a parsed trace holds: keys
     * exactly {@code 1..n} give a {@link TlaSeq}, keys that are all name-like strings give a {@link TlaRecord}
     * (in the given order; TLC orders fields by first use in the spec), no keys give the empty sequence, and
     * anything else a {@link TlaFunction}.
     *
     * @throws IllegalArgumentException if a key appears twice
     */
    public static TlaValue function(List<TlaFunction.Mapping> mappings) {
        TlaFunction f = new TlaFunction(mappings); // rejects duplicate keys
        int n = f.mappings().size();
        if (n == 0) {
            return new TlaSeq(List.of());
        }
        TlaValue[] bySlot = new TlaValue[n];
        boolean sequence = true;
        boolean record = true;
        for (TlaFunction.Mapping m : f.mappings()) {
            if (sequence && m.key() instanceof TlaInt i && i.value().signum() > 0
                    && i.value().bitLength() < 32 && i.value().intValue() <= n) {
                bySlot[i.value().intValue() - 1] = m.value();
            } else {
                sequence = false;
            }
            record &= m.key() instanceof TlaString s && Identifiers.isIdentifier(s.value());
        }
        if (sequence) {
            return new TlaSeq(List.of(bySlot)); // n distinct keys in 1..n fill every slot
        }
        if (record) {
            Map<String, TlaValue> fields = new LinkedHashMap<>();
            f.mappings().forEach(m -> fields.put(((TlaString) m.key()).value(), m.value()));
            return new TlaRecord(fields);
        }
        return f;
    }

    private static <T> T withStackFor(String text, Supplier<T> work) {
        return DeepStack.run(NestingCheck.check(text, MAX_DEPTH), work);
    }

    /**
     * Two-stage parse: SLL prediction is enough for this grammar and much faster; full LL runs only if SLL
     * fails, and then also produces the error report with the exact position.
     */
    private static ParserRuleContext parseTree(String text, Function<TlaValueParser, ParserRuleContext> rule) {
        TlaValueLexer lexer = new TlaValueLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners(); // UNEXPECTED_CHAR makes every input lexable; the parser reports it
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        TlaValueParser parser = new TlaValueParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return rule.apply(parser);
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.addErrorListener(new SyntaxErrorReporter(text));
            return rule.apply(parser);
        }
    }
}
