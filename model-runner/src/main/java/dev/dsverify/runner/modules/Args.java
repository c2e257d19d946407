package dev.dsverify.runner.modules;

import java.util.List;
import tlc2.output.EC;
import tlc2.tool.EvalControl;
import tlc2.tool.EvalException;
import tlc2.value.impl.Applicable;
import tlc2.value.impl.Enumerable;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;

/**
 * Argument checks and conversions shared by the Java operator implementations. Each failure is TLC's own
 * "argument of operator should be" error (2169), naming the operator and the value, so a model with a wrong
 * argument fails the way the TLA+ definition would, with a message that says why.
 */
final class Args {

    private Args() {
    }

    /** The elements of a finite set in TLC's normalized order, the order in which CHOOSE picks them. */
    static List<Value> elements(String operator, String position, Value set) {
        if (!(set instanceof Enumerable e)) {
            throw wrong(operator, position, "a finite set", set);
        }
        return e.elements(Enumerable.Ordering.NORMALIZED).all();
    }

    static Applicable operator(String operator, String position, Value op) {
        if (!(op instanceof Applicable a)) {
            throw wrong(operator, position, "an operator", op);
        }
        return a;
    }

    static int integer(String operator, String position, Value v) {
        if (!(v instanceof IntValue i)) {
            throw wrong(operator, position, "an integer", v);
        }
        return i.val;
    }

    /** The elements of a sequence, s[1] first. */
    static Value[] sequence(String operator, String position, Value s) {
        Value t = s instanceof TupleValue ? s : s.toTuple();
        if (!(t instanceof TupleValue tuple)) {
            throw wrong(operator, position, "a sequence", s);
        }
        return tuple.elems;
    }

    static Value apply(Applicable op, Value... args) {
        return op.apply(args, EvalControl.Clear);
    }

    static EvalException wrong(String operator, String position, String expected, Value actual) {
        return new EvalException(EC.TLC_MODULE_ARGUMENT_ERROR,
                new String[] {position, operator, expected, String.valueOf(actual)});
    }

    static EvalException failure(String text) {
        return new EvalException(EC.GENERAL, text);
    }
}
