package dev.dsverify.runner.modules;

import java.util.List;
import tlc2.output.EC;
import tlc2.tool.EvalControl;
import tlc2.tool.EvalException;
import tlc2.value.impl.Applicable;
import tlc2.value.impl.Enumerable;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.OpValue;
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

    /**
     * An operator argument. TLC hands a Java body an operator value ({@link OpValue}) for a LAMBDA or a defined
     * operator, but the value itself for a LAMBDA whose body does not depend on its parameters (it evaluates
     * such a constant operator once): that value then stands for the operator that always returns it, even when
     * the value is a function or a tuple.
     */
    static Applicable operator(String operator, String position, Value op) {
        if (op instanceof OpValue o) {
            return o;
        }
        return new ConstantOperator(op);
    }

    /** The operator whose every application equals {@code value}. */
    private record ConstantOperator(Value value) implements Applicable {
        @Override
        public Value apply(Value[] args, int control) {
            return value;
        }

        @Override
        public Value apply(Value arg, int control) {
            return value;
        }

        @Override
        public Value getDomain() {
            throw failure("a constant operator argument has no domain");
        }

        @Override
        public Value select(Value arg) {
            return value;
        }
    }

    /** A function argument: anything TLC can apply to an argument (a function, record or tuple). */
    static Applicable function(String operator, String position, Value fun) {
        if (!(fun instanceof Applicable a)) {
            throw wrong(operator, position, "a function", fun);
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
