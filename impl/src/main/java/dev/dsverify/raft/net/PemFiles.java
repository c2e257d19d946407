package dev.dsverify.raft.net;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads the PEM files of {@code --tls-cert}, {@code --tls-key} and {@code --tls-ca} with the JDK alone. Errors
 * name the file and what was expected.
 */
final class PemFiles {
    private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String KEY_END = "-----END PRIVATE KEY-----";

    private PemFiles() {}

    /** Every certificate in {@code file} (a chain: leaf first), at least one. */
    static List<X509Certificate> certificates(Path file) throws IOException {
        byte[] raw = read(file);
        if (!new String(raw, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
            throw new IOException(file + ": no PEM certificate (-----BEGIN CERTIFICATE-----) found");
        }
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(raw))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IOException(file + ": no PEM certificate (-----BEGIN CERTIFICATE-----) found");
            }
            return out;
        } catch (CertificateException e) {
            throw new IOException(file + ": not a PEM certificate: " + e.getMessage(), e);
        }
    }

    /**
     * The unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}, what {@code openssl genpkey}
     * writes) in {@code file}: RSA, EC, Ed25519 or Ed448.
     */
    static PrivateKey privateKey(Path file) throws IOException {
        String text = new String(read(file), StandardCharsets.US_ASCII);
        int begin = text.indexOf(KEY_BEGIN);
        int end = text.indexOf(KEY_END);
        if (begin < 0 || end < begin) {
            String hint = text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") ? "an encrypted key"
                    : text.contains("-----BEGIN RSA PRIVATE KEY-----")
                            || text.contains("-----BEGIN EC PRIVATE KEY-----")
                            ? "a key in the old OpenSSL format" : "no private key";
            throw new IOException(file + ": expected an unencrypted PKCS#8 key (" + KEY_BEGIN + "), found " + hint
                    + "; convert it with: openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + KEY_BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": private key is not valid base64: " + e.getMessage(), e);
        }
        for (String alg : new String[] {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        throw new IOException(file + ": PKCS#8 key of an unsupported algorithm (RSA, EC, Ed25519, Ed448 are)");
    }

    /**
     * Fails unless {@code key} belongs to {@code cert}: signs a probe with the key and verifies it with the
     * certificate's public key (a node started with another node's key would fail every handshake).
     */
    static void checkPair(X509Certificate cert, PrivateKey key, Path certFile, Path keyFile) throws IOException {
        String alg = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
            default -> null;
        };
        if (alg == null) {
            return; // no probe for this algorithm: the first handshake will tell
        }
        byte[] probe = "dsverify key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(alg);
            signer.initSign(key);
            signer.update(probe);
            byte[] sig = signer.sign();
            Signature verifier = Signature.getInstance(alg);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            if (verifier.verify(sig)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another algorithm than the certificate's: a mismatch too
        }
        throw new IOException(keyFile + ": this private key does not belong to the certificate in " + certFile
                + " (" + cert.getSubjectX500Principal().getName() + ")");
    }

    private static byte[] read(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        }
    }
}
