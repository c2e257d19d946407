package dev.dsverify.runner.value;

import java.math.BigInteger;
import java.util.Objects;

/** An integer. TLC's integers are 32-bit, but printed values are parsed without that limit. */
public record TlaInt(BigInteger value) implements TlaValue {
    public TlaInt {
        Objects.requireNonNull(value, "value");
    }

    public static TlaInt of(long v) {
        return new TlaInt(BigInteger.valueOf(v));
    }

    @Override
    public String toTla() {
        return value.toString();
    }
}
