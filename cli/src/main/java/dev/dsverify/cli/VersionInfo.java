package dev.dsverify.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code dsverify --version} prints: dsverify's own version (from the build), the TLC it runs, and the
 * Java it runs on, since a counterexample or a state count is reproducible only with all three the same.
 */
final class VersionInfo implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
                "dsverify " + dsverifyVersion(),
                "TLC " + tlcVersion(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                        + System.getProperty("java.home") + ")"};
    }

    static String dsverifyVersion() {
        try (InputStream in = VersionInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "(unknown: version.properties missing from the build)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "(unknown)");
        } catch (IOException e) {
            return "(unknown: " + e.getMessage() + ")";
        }
    }

    /** TLC's own version line, e.g. "2.18 of 20 March 2023". */
    static String tlcVersion() {
        String v = tlc2.TLCGlobals.versionOfTLC;
        if (v == null) {
            return "(unknown)";
        }
        return v.startsWith("Version ") ? v.substring("Version ".length()) : v;
    }
}
