package dev.dsverify.runner.tlc;

import dev.dsverify.runner.value.TlaString;
import dev.dsverify.runner.value.TlaValue;
import dev.dsverify.runner.value.TlaValues;
import dev.dsverify.runner.value.ValueParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses the variables of a trace state. */
final class ValueText {
    private ValueText() {
    }

    /**
     * Parses the body of a 2217 message (the lines after its header). Should TLC print something the value
     * grammar does not know, the variables are split by line and an unparseable value is kept as its text
     * (a {@link TlaString}) rather than losing the whole counterexample.
     */
    static Map<String, TlaValue> parseState(String body, Map<String, String> textByVariable) {
        try {
            return TlaValues.parseAssignments(body);
        } catch (ValueParseException e) {
            Map<String, TlaValue> vars = new LinkedHashMap<>();
            textByVariable.forEach((name, text) -> {
                try {
                    vars.put(name, TlaValues.parse(text));
                } catch (ValueParseException inner) {
                    vars.put(name, new TlaString(text));
                }
            });
            return vars;
        }
    }
}
