package dev.dsverify.raft.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * How connections between servers and from clients are secured: not at all ({@link Plaintext}: whoever reaches
 * the port is trusted), or mutual TLS 1.3 with the JDK's {@code javax.net.ssl} ({@link MutualTls}: both ends
 * present a certificate signed by the cluster's CA; the certificate's common name is the party's identity).
 */
public sealed interface Security permits Security.Plaintext, Security.MutualTls {
    Security PLAINTEXT = new Plaintext();

    /** An unbound listening socket. */
    ServerSocket newServerSocket() throws IOException;

    /** Connects to {@code address} and, with TLS, completes the handshake; both within {@code timeoutMillis}. */
    Socket connect(InetSocketAddress address, int timeoutMillis) throws IOException;

    /**
     * Server side of a freshly accepted connection: completes the handshake within {@code timeoutMillis} and
     * returns the authenticated identity (the client certificate's common name), or null without TLS. Throws
     * if the party cannot be authenticated.
     */
    String authenticate(Socket accepted, int timeoutMillis) throws IOException;

    /** No authentication, no encryption. */
    record Plaintext() implements Security {
        @Override
        public ServerSocket newServerSocket() throws IOException {
            return new ServerSocket();
        }

        @Override
        public Socket connect(InetSocketAddress address, int timeoutMillis) throws IOException {
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                s.connect(address, timeoutMillis);
                return s;
            } catch (IOException e) {
                s.close();
                throw e;
            }
        }

        @Override
        public String authenticate(Socket accepted, int timeoutMillis) {
            return null;
        }
    }

    /** Mutual TLS 1.3: this side's certificate and key, and the CA that must have signed the other side's. */
    record MutualTls(SSLContext context) implements Security {
        private static final String[] PROTOCOLS = {"TLSv1.3"};

        /**
         * Builds the context from PEM files: {@code cert} (this party's certificate, optionally followed by
         * intermediates), {@code key} (its unencrypted PKCS#8 private key) and {@code ca} (the certificates
         * trusted to sign the other side's).
         */
        public static MutualTls load(Path cert, Path key, Path ca) throws IOException {
            List<X509Certificate> chain = PemFiles.certificates(cert);
            PrivateKey privateKey = PemFiles.privateKey(key);
            List<X509Certificate> roots = PemFiles.certificates(ca);
            PemFiles.checkPair(chain.get(0), privateKey, cert, key);
            try {
                char[] none = new char[0];
                KeyStore own = KeyStore.getInstance("PKCS12");
                own.load(null, null);
                own.setKeyEntry("self", privateKey, none, chain.toArray(new X509Certificate[0]));
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(own, none);
                KeyStore trusted = KeyStore.getInstance("PKCS12");
                trusted.load(null, null);
                for (int i = 0; i < roots.size(); i++) {
                    trusted.setCertificateEntry("ca" + i, roots.get(i));
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trusted);
                SSLContext ctx = SSLContext.getInstance("TLSv1.3");
                ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
                return new MutualTls(ctx);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot use " + cert + " with " + key + " (CA " + ca + "): " + e.getMessage(), e);
            }
        }

        @Override
        public ServerSocket newServerSocket() throws IOException {
            SSLServerSocket s = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
            s.setEnabledProtocols(PROTOCOLS);
            s.setNeedClientAuth(true);
            return s;
        }

        @Override
        public Socket connect(InetSocketAddress address, int timeoutMillis) throws IOException {
            SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket();
            try {
                s.setEnabledProtocols(PROTOCOLS);
                s.setTcpNoDelay(true);
                s.connect(address, timeoutMillis);
                s.setSoTimeout(timeoutMillis);
                s.startHandshake();
                s.setSoTimeout(0);
                return s;
            } catch (IOException e) {
                s.close();
                throw e;
            }
        }

        @Override
        public String authenticate(Socket accepted, int timeoutMillis) throws IOException {
            SSLSocket s = (SSLSocket) accepted;
            s.setSoTimeout(timeoutMillis);
            s.startHandshake();
            return commonName(s.getSession().getPeerPrincipal().getName());
        }

        /** The CN of an RFC 2253 name, or the whole name if it has none. */
        static String commonName(String dn) {
            try {
                for (Rdn rdn : new LdapName(dn).getRdns()) {
                    if (rdn.getType().equalsIgnoreCase("CN")) {
                        return rdn.getValue().toString();
                    }
                }
            } catch (InvalidNameException e) {
                // fall through: the name as a whole
            }
            return dn;
        }
    }
}
