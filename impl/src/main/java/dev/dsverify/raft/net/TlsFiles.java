package dev.dsverify.raft.net;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The PEM files of {@code --tls-cert}, {@code --tls-key} and {@code --tls-ca}: this party's certificate, its
 * unencrypted PKCS#8 private key, and the CA certificate that signed every server's and client's certificate.
 */
public record TlsFiles(Path cert, Path key, Path ca) {
    public TlsFiles {
        if (cert == null || key == null || ca == null) {
            throw new IllegalArgumentException("TLS needs --tls-cert, --tls-key and --tls-ca together");
        }
    }

    /** The files given, or null when none of the three is: any other combination is a usage error. */
    public static TlsFiles ofOptional(Path cert, Path key, Path ca) {
        if (cert == null && key == null && ca == null) {
            return null;
        }
        return new TlsFiles(cert, key, ca);
    }

    /** Reads the files; errors name the file. */
    public Security.MutualTls load() throws IOException {
        return Security.MutualTls.load(cert, key, ca);
    }

    /** Plaintext for {@code null}, else mutual TLS with {@code files}. */
    public static Security security(TlsFiles files) throws IOException {
        return files == null ? Security.PLAINTEXT : files.load();
    }
}
