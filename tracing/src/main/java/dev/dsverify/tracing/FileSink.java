package dev.dsverify.tracing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends lines to a file. Each line is one {@code write} to a channel opened for appending, under a lock, so
 * lines from several threads (or tracers sharing the file) never interleave. The file is created with the
 * process's default permissions, so the umask applies.
 */
public final class FileSink implements TraceSink {
    private final Path file;
    private final FileChannel channel;

    public FileSink(Path file) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent);
        }
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void append(byte[] line) throws IOException {
        assert line.length > 0 && line[line.length - 1] == '\n' : "a sink takes whole lines";
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    @Override
    public synchronized void sync() throws IOException {
        channel.force(false);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
