package dev.dsverify.runner.value;

/**
 * A TLA+ value as TLC prints it, parsed into data.
 *
 * <p>Each kind stays distinct so that nothing is lost on the way to JSON: a set, a sequence, a record and a
 * function print differently in TLA+ and must not collapse into the same JSON shape. Every implementation is
 * immutable and has value equality; {@link #toTla()} prints the value back in TLC's syntax.
 */
public sealed interface TlaValue
        permits TlaInt, TlaString, TlaBool, TlaModelValue, TlaSeq, TlaSet, TlaRecord, TlaFunction {

    /** Prints this value the way TLC does, so that parsing the result gives back an equal value. */
    String toTla();
}
