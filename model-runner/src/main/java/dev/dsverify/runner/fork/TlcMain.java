package dev.dsverify.runner.fork;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.rmi.server.RMISocketFactory;
import java.util.Arrays;
import java.util.Set;

/**
 * Main class of the forked TLC JVM: {@code TlcMain <tlc main class> <args...>}. Installs a socket factory
 * that keeps RMI on 127.0.0.1, then hands over to TLC, which calls System.exit itself.
 */
public final class TlcMain {
    /** The TLC entry points a check may start. */
    static final Set<String> ENTRY_POINTS = Set.of("tlc2.TLC", "tlc2.tool.distributed.TLCServer",
            "tlc2.tool.distributed.TLCWorker");

    private TlcMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !ENTRY_POINTS.contains(args[0])) {
            System.err.println("usage: TlcMain " + String.join("|", ENTRY_POINTS) + " <arguments>");
            System.exit(2);
        }
        // RMI stubs carry this host name; clients of the distributed server must dial loopback too.
        System.setProperty("java.rmi.server.hostname", "127.0.0.1");
        RMISocketFactory.setSocketFactory(new LoopbackSocketFactory());
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
        }
    }
}
