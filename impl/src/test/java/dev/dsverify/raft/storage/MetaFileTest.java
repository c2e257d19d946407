package dev.dsverify.raft.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MetaFileTest {
    private static final Path FILE = Path.of("/data/n1/meta");

    @Test
    void roundTripsWithAndWithoutAMark() {
        for (MetaFile m : new MetaFile[] {new MetaFile(1, "n1", DurableMark.NONE),
                new MetaFile(1, "n1", new DurableMark(3903, 40, 3))}) {
            assertThat(MetaFile.parse(new String(m.encode(), StandardCharsets.UTF_8), FILE)).isEqualTo(m);
        }
    }

    @Test
    void theFormatBeforeMarksReadsAsNoMark() {
        assertThat(MetaFile.parse("format=1\nnode=n1\n", FILE).mark()).isEqualTo(DurableMark.NONE);
    }

    @Test
    void errorsNameTheFileTheLineAndTheField() {
        assertThatThrownBy(() -> MetaFile.parse("format=1\nnode=n1\nwal-bytes=12x\nwal-last-index=1\nwal-term=1\n",
                FILE)).hasMessage("/data/n1/meta:3: field 'wal-bytes' holds '12x', not a non-negative number");
        assertThatThrownBy(() -> MetaFile.parse("format=1\nnode=n1\nwal-bytes=12\n", FILE))
                .hasMessage("/data/n1/meta: missing field 'wal-last-index'");
        assertThatThrownBy(() -> MetaFile.parse("format=1\nnode n1\n", FILE))
                .hasMessage("/data/n1/meta:2: expected key=value, got 'node n1'");
        assertThatThrownBy(() -> MetaFile.parse("format=1\nnode=n1\ncolour=red\n", FILE))
                .hasMessage("/data/n1/meta:3: unknown field 'colour'");
        assertThatThrownBy(() -> MetaFile.parse("node=n1\n", FILE)).hasMessage("/data/n1/meta: missing field 'format'");
    }
}
