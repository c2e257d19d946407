package dev.dsverify.conform.drive;

import dev.dsverify.conform.code.CodeCluster;

import java.util.List;

/**
 * What driving one spec step did to the code.
 *
 * @param input    the input given, as a call ({@code s1.timeoutNow()})
 * @param refused  the input said the server cannot take the step now
 * @param expected the contract events the step should report: the action's name, or none for the network
 * @param effect   what the code reported and sent
 */
public record Attempt(String input, boolean refused, List<String> expected, CodeCluster.Effect effect) {
    public Attempt {
        expected = List.copyOf(expected);
    }
}
