package dev.dsverify.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * One model listed in the POM:
 *
 * <pre>{@code
 * <model>
 *   <spec>src/main/tla/Lock.tla</spec>
 *   <cfg>src/main/tla/LockBroken.cfg</cfg>   <!-- default: the spec's name with .cfg -->
 *   <name>LockBroken</name>                  <!-- default: the cfg's name without .cfg -->
 *   <expect>invariant_violation</expect>      <!-- default: success -->
 *   <violated>MutualExclusion</violated>
 *   <timeout>PT5M</timeout>
 *   <workers>1</workers>
 *   <tags><tag>quick</tag></tags>
 *   <library><dir>src/main/tla</dir></library>  <!-- where TLC also looks for extended modules -->
 *   <livenessCheck>final</livenessCheck>     <!-- default: periodic -->
 *   <translate>true</translate>              <!-- default: the goal's <translate> -->
 *   <allowStaleTranslation>true</allowStaleTranslation>  <!-- default: the goal's -->
 * </model>
 * }</pre>
 *
 * Maven fills the fields by name; relative paths are relative to the project directory.
 */
public class Model {
    File spec;
    File cfg;
    String name;
    String expect;
    String violated;
    String timeout;
    Integer workers;
    Boolean checkDeadlock;
    List<String> tags = new ArrayList<>();
    /** Directories searched, after the spec's own, for the modules the spec extends or instantiates. */
    List<File> library = new ArrayList<>();
    /** {@code final}: temporal properties are checked once, on the complete state graph; default periodic. */
    String livenessCheck;
    /** Run TLC's PlusCal translator on the spec first; null means the goal's {@code <translate>}. */
    Boolean translate;
    /** Check a PlusCal translation that no longer matches its algorithm; null means the goal's setting. */
    Boolean allowStaleTranslation;

    public Model() {
    }

    Model(File spec, File cfg, String name, String expect, String violated) {
        this.spec = spec;
        this.cfg = cfg;
        this.name = name;
        this.expect = expect;
        this.violated = violated;
    }
}
