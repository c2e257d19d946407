package dev.dsverify.runner.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsverify.runner.Outcome;
import dev.dsverify.runner.SearchMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
    @TempDir
    Path dir;

    @BeforeEach
    void specs() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        for (String f : new String[] {"A.tla", "A.cfg", "sub/B.tla", "sub/B.cfg"}) {
            Files.writeString(dir.resolve(f), "");
        }
    }

    private Path write(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    @Test
    void loadsModelsAndIncludesWithPathsRelativeToEachFile() throws Exception {
        write("sub/catalog.json", """
                {"schema": 1, "models": [
                  {"name": "B", "spec": "B.tla", "config": "B.cfg",
                   "expect": {"outcome": "invariant_violation", "violated": "Safe"},
                   "tags": ["quick"], "mode": "simulate", "depth": 50, "traces": 10, "seed": 3}
                ]}""");
        Path root = write("catalog.json", """
                {"schema": 1, "include": ["sub/catalog.json"], "models": [
                  {"name": "A", "spec": "A.tla", "config": "A.cfg", "expect": {"outcome": "success"},
                   "tags": ["quick", "raft"], "timeout": "PT5M", "workers": 2, "checkDeadlock": false,
                   "livenessCheck": "final"}
                ]}""");
        Catalog c = Catalog.load(root);
        assertThat(c.entries()).extracting(CatalogEntry::name).containsExactly("B", "A");
        assertThat(c.files()).hasSize(2);
        CatalogEntry b = c.entries().get(0);
        assertThat(b.spec()).isEqualTo(dir.resolve("sub/B.tla").toAbsolutePath().normalize());
        assertThat(b.expect().outcome()).isEqualTo(Outcome.INVARIANT_VIOLATION);
        assertThat(b.expect().violated()).isEqualTo("Safe");
        assertThat(b.mode()).isEqualTo(new SearchMode.Simulation(50, 10, 3L));
        CatalogEntry a = c.entries().get(1);
        assertThat(a.timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(a.toModelCheck().workers()).isEqualTo(2);
        assertThat(a.toModelCheck().checkDeadlock()).isFalse();
        assertThat(a.toModelCheck().livenessAtEnd()).isTrue();
        assertThat(b.toModelCheck().livenessAtEnd()).isFalse();
        assertThat(a.line()).isEqualTo(2);
        assertThat(c.entries("raft")).extracting(CatalogEntry::name).containsExactly("A");
        assertThat(c.entries("quick")).hasSize(2);
    }

    @Test
    void unknownLivenessCheckModeIsAnErrorNamingTheField() throws Exception {
        write("A.tla", "---- MODULE A ----\n====\n");
        write("A.cfg", "");
        Path root = write("catalog.json", """
                {"schema": 1, "models": [
                  {"name": "A", "spec": "A.tla", "config": "A.cfg", "expect": {"outcome": "success"},
                   "livenessCheck": "sometimes"}
                ]}""");
        assertThatThrownBy(() -> Catalog.load(root))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("catalog.json:3")
                .hasMessageContaining("models[0].livenessCheck")
                .hasMessageContaining("sometimes");
    }

    @Test
    void aModelMayAllowAStalePlusCalTranslation() throws Exception {
        write("A.tla", "---- MODULE A ----\n====\n");
        write("A.cfg", "");
        Path root = write("catalog.json", """
                {"schema": 1, "models": [
                  {"name": "A", "spec": "A.tla", "config": "A.cfg", "expect": {"outcome": "success"},
                   "allowStaleTranslation": true},
                  {"name": "B", "spec": "A.tla", "config": "A.cfg", "expect": {"outcome": "success"}}
                ]}""");
        Catalog c = Catalog.load(root);
        assertThat(c.entries().get(0).toModelCheck().allowStaleTranslation()).isTrue();
        assertThat(c.entries().get(1).toModelCheck().allowStaleTranslation()).isFalse();
        write("catalog.json", """
                {"schema": 1, "models": [
                  {"name": "A", "spec": "A.tla", "config": "A.cfg", "expect": {"outcome": "success"},
                   "allowStaleTranslation": "yes"}
                ]}""");
        assertThatThrownBy(() -> Catalog.load(root))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("models[0].allowStaleTranslation")
                .hasMessageContaining("true or false");
    }

    @Test
    void fingerprintFieldPinsTlcsFingerprintFunction() throws Exception {
        Path root = write("catalog.json", """
                {"schema": 1, "models": [
                  {"name": "A", "spec": "A.tla", "config": "A.cfg", "expect": {"outcome": "success"},
                   "fingerprint": 42},
                  {"name": "B", "spec": "sub/B.tla", "config": "sub/B.cfg", "expect": {"outcome": "success"}}
                ]}""");
        Catalog c = Catalog.load(root);
        assertThat(c.entries().get(0).toModelCheck().fingerprint()).isEqualTo(42);
        assertThat(c.entries().get(1).toModelCheck().fingerprint())
                .isEqualTo(dev.dsverify.runner.ModelCheck.DEFAULT_FINGERPRINT);

        Path bad = write("bad.json", """
                {"schema": 1, "models": [
                  {"name": "A", "spec": "A.tla", "config": "A.cfg", "expect": {"outcome": "success"},
                   "fingerprint": 131}
                ]}""");
        assertThatThrownBy(() -> Catalog.load(bad)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("bad.json:3").hasMessageContaining("models[0].fingerprint")
                .hasMessageContaining("between 0 and 130");
    }

    @Test
    void missingIncludeIsAnErrorNamingIt() throws Exception {
        Path root = write("catalog.json", "{\"schema\": 1,\n \"include\": [\"nope/catalog.json\"]}");
        assertThatThrownBy(() -> Catalog.load(root))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("catalog.json:2")
                .hasMessageContaining("include[0]")
                .hasMessageContaining("nope/catalog.json");
    }

    @Test
    void badOutcomeNamesFileLineAndField() throws Exception {
        Path root = write("catalog.json", """
                {"schema": 1, "models": [
                  {"name": "A", "spec": "A.tla", "config": "A.cfg",
                   "expect": {"outcome": "sucess"}}
                ]}""");
        assertThatThrownBy(() -> Catalog.load(root))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("models[0].expect.outcome");
                })
                .hasMessageContaining("unknown outcome 'sucess'");
    }

    @Test
    void missingSpecFileIsAnError() throws Exception {
        Path root = write("catalog.json", """
                {"schema": 1, "models": [
                  {"name": "A", "spec": "Missing.tla", "config": "A.cfg", "expect": {"outcome": "success"}}
                ]}""");
        assertThatThrownBy(() -> Catalog.load(root)).hasMessageContaining("models[0].spec")
                .hasMessageContaining("Missing.tla");
    }

    @Test
    void unknownFieldsAndBadValuesAreErrors() throws Exception {
        Path unknown = write("u.json", """
                {"schema": 1, "models": [
                  {"name": "A", "spec": "A.tla", "config": "A.cfg", "expect": {"outcome": "success"}, "wokers": 2}
                ]}""");
        assertThatThrownBy(() -> Catalog.load(unknown)).hasMessageContaining("models[0].wokers")
                .hasMessageContaining("unknown field");
        Path timeout = write("t.json", """
                {"schema": 1, "models": [
                  {"name": "A", "spec": "A.tla", "config": "A.cfg", "expect": {"outcome": "success"}, "timeout": "5m"}
                ]}""");
        assertThatThrownBy(() -> Catalog.load(timeout)).hasMessageContaining("models[0].timeout")
                .hasMessageContaining("ISO-8601");
        Path schema = write("s.json", "{\"schema\": 2}");
        assertThatThrownBy(() -> Catalog.load(schema)).hasMessageContaining("schema");
        Path json = write("j.json", "{\"schema\": 1,\n\n \"models\": [ }");
        assertThatThrownBy(() -> Catalog.load(json)).hasMessageContaining("j.json:3").hasMessageContaining("not valid JSON");
    }

    @Test
    void duplicateNamesAndCyclesAreErrors() throws Exception {
        Path dup = write("d.json", """
                {"schema": 1, "models": [
                  {"name": "A", "spec": "A.tla", "config": "A.cfg", "expect": {"outcome": "success"}},
                  {"name": "A", "spec": "A.tla", "config": "A.cfg", "expect": {"outcome": "success"}}
                ]}""");
        assertThatThrownBy(() -> Catalog.load(dup)).hasMessageContaining("duplicate model name 'A'");
        Path cycle = write("c.json", "{\"schema\": 1, \"include\": [\"c.json\"]}");
        assertThatThrownBy(() -> Catalog.load(cycle)).hasMessageContaining("include cycle");
    }

    @Test
    void libraryDirectoriesAreRelativeToTheCatalogThatListsThem() throws Exception {
        Files.createDirectories(dir.resolve("sub/mutants"));
        Files.createDirectories(dir.resolve("common"));
        Files.writeString(dir.resolve("sub/mutants/M.tla"), "");
        Files.writeString(dir.resolve("sub/mutants/M.cfg"), "");
        write("sub/catalog.json", """
                {"schema": 1, "models": [
                  {"name": "M", "spec": "mutants/M.tla", "config": "mutants/M.cfg",
                   "library": [".", "../common"], "expect": {"outcome": "success"}},
                  {"name": "B", "spec": "B.tla", "config": "B.cfg", "expect": {"outcome": "success"}}
                ]}""");
        Path root = write("catalog.json", "{\"schema\": 1, \"include\": [\"sub/catalog.json\"]}");
        Catalog c = Catalog.load(root);
        Path base = dir.toAbsolutePath().normalize();
        CatalogEntry m = c.entries().get(0);
        assertThat(m.spec()).isEqualTo(base.resolve("sub/mutants/M.tla"));
        assertThat(m.library()).containsExactly(base.resolve("sub"), base.resolve("common"));
        assertThat(m.toModelCheck().libraryPath()).containsExactly(base.resolve("sub"), base.resolve("common"));
        assertThat(c.entries().get(1).library()).isEmpty();
        assertThat(c.entries().get(1).toModelCheck().libraryPath()).isEmpty();
    }

    @Test
    void badLibraryValuesNameFileLineAndField() throws Exception {
        Path notArray = write("a.json", """
                {"schema": 1, "models": [
                  {"name": "A", "spec": "A.tla", "config": "A.cfg", "expect": {"outcome": "success"},
                   "library": "sub"}
                ]}""");
        assertThatThrownBy(() -> Catalog.load(notArray))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("models[0].library");
                })
                .hasMessageContaining("a.json:3")
                .hasMessageContaining("must be an array of directory paths");
        Path notString = write("n.json", """
                {"schema": 1, "models": [
                  {"name": "A", "spec": "A.tla", "config": "A.cfg", "expect": {"outcome": "success"},
                   "library": ["sub",
                               7]}
                ]}""");
        assertThatThrownBy(() -> Catalog.load(notString))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("models[0].library[1]");
                })
                .hasMessageContaining("must be a non-empty string");
        Path blank = write("b.json", """
                {"schema": 1, "models": [
                  {"name": "A", "spec": "A.tla", "config": "A.cfg", "expect": {"outcome": "success"},
                   "library": [" "]}
                ]}""");
        assertThatThrownBy(() -> Catalog.load(blank)).hasMessageContaining("models[0].library[0]")
                .hasMessageContaining("must be a non-empty string");
        Path missing = write("m.json", """
                {"schema": 1, "models": [
                  {"name": "A", "spec": "A.tla", "config": "A.cfg", "expect": {"outcome": "success"},
                   "library": ["sub", "no-such-dir"]}
                ]}""");
        assertThatThrownBy(() -> Catalog.load(missing))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("models[0].library[1]");
                })
                .hasMessageContaining("directory not found")
                .hasMessageContaining(dir.toAbsolutePath().normalize().resolve("no-such-dir").toString());
        Path file = write("f.json", """
                {"schema": 1, "models": [
                  {"name": "A", "spec": "A.tla", "config": "A.cfg", "expect": {"outcome": "success"},
                   "library": ["A.tla"]}
                ]}""");
        assertThatThrownBy(() -> Catalog.load(file)).hasMessageContaining("models[0].library[0]")
                .hasMessageContaining("directory not found");
    }
}
