package dev.dsverify.runner;

/**
 * One framed message of TLC's {@code -tool} output: {@code @!@!@STARTMSG code:severity @!@!@} … {@code ENDMSG}.
 *
 * @param code     TLC's message code (for example 2110 invariant violated, 2200 progress)
 * @param severity 0 info, 1 error, 2 TLC bug, 3 warning, 4 state
 * @param text     the body without the frame lines, lines joined with '\n'
 */
public record TlcMessage(int code, int severity, String text) {
}
