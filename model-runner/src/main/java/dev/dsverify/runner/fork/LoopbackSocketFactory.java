package dev.dsverify.runner.fork;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.rmi.server.RMISocketFactory;

/**
 * Makes every RMI server socket listen on the loopback address only. TLC exports its fingerprint set (and,
 * in distributed mode, its server and workers) over RMI, which by default listens on all interfaces.
 */
final class LoopbackSocketFactory extends RMISocketFactory {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return new ServerSocket(port, 50, LOOPBACK);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return new Socket(host, port);
    }
}
