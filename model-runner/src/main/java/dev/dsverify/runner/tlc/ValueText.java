package dev.dsverify.runner.tlc;

import dev.dsverify.runner.value.TlaString;
import dev.dsverify.runner.value.TlaValue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Parses the TLA+ text of a variable's value in a trace state. */
final class ValueText {
    private static final Method PARSE = find();

    private ValueText() {
    }

    /** Temporary bridge until the value parser is on this branch. */
    private static Method find() {
        try {
            return Class.forName("dev.dsverify.runner.value.TlaValues").getMethod("parse", String.class);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    static TlaValue parse(String text) throws IllegalArgumentException {
        if (PARSE == null) {
            return new TlaString(text);
        }
        try {
            return (TlaValue) PARSE.invoke(null, text);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
