package dev.dsverify.runner.modules;

import java.util.List;
import tlc2.overrides.TLAPlusOperator;
import tlc2.value.impl.Applicable;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.SetEnumValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;

/**
 * Java bodies of SequencesExt's conversions and folds, whose TLA+ definitions recurse once per element or build
 * a function over the whole domain.
 */
public final class SequencesExtOperators {
    private static final String MODULE = "SequencesExt";

    private SequencesExtOperators() {
    }

    /** The elements of S in TLC's normalized order: the order in which the definition's CHOOSE picks them. */
    @TLAPlusOperator(identifier = "SetToSeq", module = MODULE, warn = true)
    public static Value setToSeq(Value set) {
        return new TupleValue(Args.elements("SetToSeq", "first", set).toArray(Value[]::new));
    }

    @TLAPlusOperator(identifier = "ToSet", module = MODULE, warn = true)
    public static Value toSet(Value seq) {
        return new SetEnumValue(Args.sequence("ToSet", "first", seq).clone(), false).normalize();
    }

    @TLAPlusOperator(identifier = "Reverse", module = MODULE, warn = true)
    public static Value reverse(Value seq) {
        Value[] elems = Args.sequence("Reverse", "first", seq);
        Value[] reversed = new Value[elems.length];
        for (int i = 0; i < elems.length; i++) {
            reversed[i] = elems[elems.length - 1 - i];
        }
        return new TupleValue(reversed);
    }

    /** op(... op(op(base, s[1]), s[2]) ..., s[n]). */
    @TLAPlusOperator(identifier = "FoldLeft", module = MODULE, warn = true)
    public static Value foldLeft(Value op, Value base, Value seq) {
        Applicable f = Args.operator("FoldLeft", "first", op);
        Value acc = base;
        for (Value v : Args.sequence("FoldLeft", "third", seq)) {
            acc = Args.apply(f, acc, v);
        }
        return acc;
    }

    /** op(s[1], op(s[2], ... op(s[n], base) ...)). */
    @TLAPlusOperator(identifier = "FoldRight", module = MODULE, warn = true)
    public static Value foldRight(Value op, Value seq, Value base) {
        Applicable f = Args.operator("FoldRight", "first", op);
        return FiniteSetsExtOperators.foldRight("FoldRight", f, base,
                List.of(Args.sequence("FoldRight", "second", seq)));
    }

    /** op(... op(op(base, 1), 2) ..., Len(seq)): FoldLeft over the indices. */
    @TLAPlusOperator(identifier = "FoldLeftDomain", module = MODULE, warn = true)
    public static Value foldLeftDomain(Value op, Value base, Value seq) {
        Applicable f = Args.operator("FoldLeftDomain", "first", op);
        int n = Args.sequence("FoldLeftDomain", "third", seq).length;
        Value acc = base;
        for (int i = 1; i <= n; i++) {
            acc = Args.apply(f, acc, IntValue.gen(i));
        }
        return acc;
    }

    /** op(1, op(2, ... op(Len(seq), base) ...)): FoldRight over the indices. */
    @TLAPlusOperator(identifier = "FoldRightDomain", module = MODULE, warn = true)
    public static Value foldRightDomain(Value op, Value seq, Value base) {
        Applicable f = Args.operator("FoldRightDomain", "first", op);
        int n = Args.sequence("FoldRightDomain", "second", seq).length;
        Value acc = base;
        for (int i = n; i >= 1; i--) {
            acc = Args.apply(f, IntValue.gen(i), acc);
        }
        return acc;
    }

    /** Like FoldRight: the definition's CHOOSE picks the indices 1, 2, ... in that order. */
    @TLAPlusOperator(identifier = "FoldSeq", module = MODULE, warn = true)
    public static Value foldSeq(Value op, Value base, Value seq) {
        Applicable f = Args.operator("FoldSeq", "first", op);
        return FiniteSetsExtOperators.foldRight("FoldSeq", f, base, List.of(Args.sequence("FoldSeq", "third", seq)));
    }
}
