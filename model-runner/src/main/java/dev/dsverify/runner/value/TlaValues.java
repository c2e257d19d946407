package dev.dsverify.runner.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
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
 * <p>Nesting deeper than {@link #MAX_DEPTH} brackets is rejected with a {@link ValueParseException} before
 * parsing: the generated parser is recursive, and a clear error beats a StackOverflowError. Width is not
 * limited (a set of a million elements parses in a loop).
 */
public final class TlaValues {
    /**
     * Deepest bracket nesting accepted. Real specs stay far below; the limit keeps parsing within a 512 KiB
     * thread stack.
     */
    public static final int MAX_DEPTH = 500;

    private TlaValues() {
    }

    /** Parses one value, e.g. {@code [a |-> <<1, "x">>, b |-> {n1, n2}]}. Surrounding whitespace is ignored. */
    public static TlaValue parse(String text) {
        Objects.requireNonNull(text, "text");
        ParserRuleContext tree = parseTree(text, TlaValueParser::singleValue);
        return new ValueBuilder(text).visit(((TlaValueParser.SingleValueContext) tree).value());
    }

    /**
     * Parses the variables of one TLC state, in the order printed: the lines after the {@code N: <Action ...>}
     * header of a 2217 message, i.e. {@code /\ x = 1} lines (a value may continue on following lines) or a
     * single {@code x = 1} when the spec has one variable. Blank text gives an empty map.
     */
    public static Map<String, TlaValue> parseAssignments(String body) {
        Objects.requireNonNull(body, "body");
        TlaValueParser.AssignmentsContext tree =
                (TlaValueParser.AssignmentsContext) parseTree(body, TlaValueParser::assignments);
        ValueBuilder builder = new ValueBuilder(body);
        Map<String, TlaValue> vars = new LinkedHashMap<>();
        java.util.List<TlaValueParser.AssignmentContext> list =
                tree instanceof TlaValueParser.SingleAssignmentContext single
                        ? java.util.List.of(single.assignment())
                        : ((TlaValueParser.ConjunctionOfAssignmentsContext) tree).assignment();
        for (TlaValueParser.AssignmentContext a : list) {
            String name = a.name.getText();
            if (vars.containsKey(name)) {
                throw ValueParseException.at(body, a.name.getLine(), a.name.getCharPositionInLine() + 1,
                        "variable " + name + " is assigned twice");
            }
            vars.put(name, builder.visit(a.value()));
        }
        return Collections.unmodifiableMap(vars);
    }

    /**
     * Two-stage parse: SLL prediction is enough for this grammar and much faster; full LL runs only if SLL
     * fails, and then also produces the error report with the exact position.
     */
    private static ParserRuleContext parseTree(String text, Function<TlaValueParser, ParserRuleContext> rule) {
        NestingCheck.check(text, MAX_DEPTH);
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
