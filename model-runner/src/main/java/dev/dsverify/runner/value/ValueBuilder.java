package dev.dsverify.runner.value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * Builds the immutable value from a parse tree. Semantic checks the grammar cannot express (string escapes,
 * duplicate record fields or function keys) are reported here with their position.
 */
final class ValueBuilder extends TlaValueBaseVisitor<TlaValue> {
    private final String text;

    ValueBuilder(String text) {
        this.text = text;
    }

    @Override
    public TlaValue visitIntValue(TlaValueParser.IntValueContext ctx) {
        String digits = ctx.INT().getText();
        // Nearly every TLC integer is 32-bit; parsing as long first avoids BigInteger's slower parser.
        return new TlaInt(digits.length() <= 18 ? BigInteger.valueOf(Long.parseLong(digits)) : new BigInteger(digits));
    }

    @Override
    public TlaValue visitIntervalValue(TlaValueParser.IntervalValueContext ctx) {
        try {
            return TlaSet.interval(new BigInteger(ctx.lo.getText()), new BigInteger(ctx.hi.getText()));
        } catch (IllegalArgumentException tooLarge) {
            throw error(ctx.lo, tooLarge.getMessage());
        }
    }

    @Override
    public TlaValue visitStringValue(TlaValueParser.StringValueContext ctx) {
        return new TlaString(decode(ctx.STRING().getSymbol()));
    }

    @Override
    public TlaValue visitTrueValue(TlaValueParser.TrueValueContext ctx) {
        return TlaBool.TRUE;
    }

    @Override
    public TlaValue visitFalseValue(TlaValueParser.FalseValueContext ctx) {
        return TlaBool.FALSE;
    }

    @Override
    public TlaValue visitModelValue(TlaValueParser.ModelValueContext ctx) {
        String name = ctx.IDENT().getText();
        if (!Identifiers.isIdentifier(name)) {
            throw error(ctx.IDENT().getSymbol(), name + " is not a model value name (WF_ and SF_ are reserved)");
        }
        return new TlaModelValue(name);
    }

    @Override
    public TlaValue visitSeqValue(TlaValueParser.SeqValueContext ctx) {
        return new TlaSeq(visitAll(ctx.value()));
    }

    @Override
    public TlaValue visitSetValue(TlaValueParser.SetValueContext ctx) {
        return new TlaSet(visitAll(ctx.value()));
    }

    @Override
    public TlaValue visitRecordValue(TlaValueParser.RecordValueContext ctx) {
        Map<String, TlaValue> fields = new LinkedHashMap<>();
        for (TlaValueParser.FieldContext f : ctx.field()) {
            String name = f.fieldName().getText();
            if (!Identifiers.isIdentifier(name)) {
                throw error(f.fieldName().getStart(), "field name " + name + " cannot appear in a record:"
                        + " TLC prints a function over such strings as (\"" + name + "\" :> ...)");
            }
            if (fields.containsKey(name)) {
                throw error(f.fieldName().getStart(), "field " + name + " appears twice in the record");
            }
            fields.put(name, visit(f.value()));
        }
        return new TlaRecord(fields);
    }

    @Override
    public TlaValue visitFunctionValue(TlaValueParser.FunctionValueContext ctx) {
        List<TlaFunction.Mapping> mappings = new ArrayList<>(ctx.mapping().size());
        Set<TlaValue> keys = new HashSet<>();
        for (TlaValueParser.MappingContext m : ctx.mapping()) {
            TlaValue key = visit(m.key);
            if (!keys.add(key)) {
                throw error(m.key.getStart(), "key " + abbreviate(key.toTla()) + " appears twice in the function");
            }
            mappings.add(new TlaFunction.Mapping(key, visit(m.val)));
        }
        return new TlaFunction(mappings);
    }

    private List<TlaValue> visitAll(List<TlaValueParser.ValueContext> values) {
        List<TlaValue> out = new ArrayList<>(values.size());
        for (TlaValueParser.ValueContext v : values) {
            out.add(visit(v));
        }
        return out;
    }

    /** Removes the quotes and resolves the six escapes TLC prints: \" \\ \n \t \r \f. */
    private String decode(Token token) {
        String s = token.getText();
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                default -> throw ValueParseException.at(text, token.getLine(),
                        token.getCharPositionInLine() + i, "unknown escape \\" + e + " in string"
                                + " (TLC prints only \\\" \\\\ \\n \\t \\r \\f)");
            }
        }
        return out.toString();
    }

    private ValueParseException error(Token at, String reason) {
        return ValueParseException.at(text, at.getLine(), at.getCharPositionInLine() + 1, reason);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
