package dev.dsverify.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a cluster, logged as one file per node, listed in the POM:
 *
 * <pre>{@code
 * <run>
 *   <name>election</name>                 <!-- default: the directory's name, or the first file's name -->
 *   <files>
 *     <file>src/test/traces/election/n1.ndjson</file>
 *     <file>src/test/traces/election/n2.ndjson</file>
 *   </files>
 *   <directory>src/test/traces/election</directory>   <!-- or: every *.ndjson in it -->
 * </run>
 * }</pre>
 *
 * The files of a run are merged by Lamport clock into one log and replayed as one. Maven fills the fields by
 * name; relative paths are relative to the project directory.
 */
public class ReplayRun {
    String name;
    List<File> files = new ArrayList<>();
    File directory;

    public ReplayRun() {
    }

    ReplayRun(String name, List<File> files, File directory) {
        this.name = name;
        this.files = files == null ? new ArrayList<>() : new ArrayList<>(files);
        this.directory = directory;
    }
}
