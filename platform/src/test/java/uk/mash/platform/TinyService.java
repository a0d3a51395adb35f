package uk.mash.platform;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;

/**
 * A tiny stand-in for a service, run by {@link ServiceProcessTest} as a real process: after
 * {@code DELAY_MS} it answers {@code /q/health/ready} with 200 on {@code PORT}; on SIGTERM it says
 * "stopped cleanly". Modes: {@code stubborn} ignores SIGTERM (its shutdown hook never ends),
 * {@code exit} exits with 3 at once, {@code fail} logs Quarkus's start failure and stays alive.
 */
public final class TinyService {

    private TinyService() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long delay = Long.parseLong(args[1]);
        String mode = args.length > 2 ? args[2] : "normal";
        System.out.println("tiny service starting on " + port);
        if (mode.equals("exit")) {
            System.exit(3);
        }
        if (mode.equals("fail")) {
            System.out.println("ERROR [io.quarkus.runtime.Application] Failed to start application");
            Thread.sleep(60_000);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (mode.equals("stubborn")) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            System.out.println("stopped cleanly");
        }));
        Thread.sleep(delay);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        System.out.println("tiny service ready");
        Thread.sleep(Long.MAX_VALUE);
    }
}
