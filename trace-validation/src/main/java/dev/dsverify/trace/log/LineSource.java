package dev.dsverify.trace.log;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a log, read one at a time, so that a log larger than memory can be checked: only the current line
 * is held. Lines end at {@code \n} (a {@code \r} before it is dropped) and must be UTF-8.
 */
final class LineSource implements Closeable {
    /** One line: its 1-based number, its text, and whether it is the last one and has no newline. */
    record Line(int number, String text, boolean lastWithoutNewline) {
    }

    private final String file;
    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
    private int number;
    private boolean eof;

    LineSource(String file, InputStream in) {
        this.file = file;
        this.in = in.markSupported() ? in : new java.io.BufferedInputStream(in, 1 << 16);
    }

    /** The next line, or null after the last one. */
    Line next() throws TraceFormatException {
        if (eof) {
            return null;
        }
        buf.reset();
        int b;
        try {
            while ((b = in.read()) != -1 && b != '\n') {
                buf.write(b);
            }
        } catch (IOException e) {
            throw new TraceFormatException(file, number + 1, null, "cannot read: " + e.getMessage());
        }
        boolean newline = b == '\n';
        if (!newline) {
            eof = true;
            if (buf.size() == 0) {
                return null;
            }
        }
        number++;
        byte[] bytes = buf.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        String text;
        try {
            text = utf8.reset().decode(ByteBuffer.wrap(bytes, 0, len)).toString();
        } catch (CharacterCodingException e) {
            throw new TraceFormatException(file, number, null, "not UTF-8 text");
        }
        return new Line(number, text, !newline);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
