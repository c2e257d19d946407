package dev.dsverify.runner.overrides;

/**
 * A set of Java implementations of TLA+ operators. TLC accepts only one class that lists override classes
 * ({@code tlc2.overrides.TLCOverrides}), yet several modules of this project bring their own: each registers
 * an implementation of this interface in {@code META-INF/services/dev.dsverify.runner.overrides.OperatorLibrary}
 * and that one class returns the union.
 */
public interface OperatorLibrary {

    /** The classes whose static {@code @TLAPlusOperator} methods TLC should use instead of TLA+ bodies. */
    Class<?>[] operatorClasses();
}
