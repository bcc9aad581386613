package dev.semid.serving;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.Map;

/** Starts the service (HTTP server and stream) with the given configuration on top of application.properties. */
public final class SemidServer implements AutoCloseable {
    private final ApplicationContext context;

    private SemidServer(ApplicationContext context) { this.context = context; }

    public static SemidServer start(Map<String, Object> properties) { return start(properties, new Object[0]); }

    /** As above, with beans that replace the service's own (e.g. an {@link dev.semid.index.IndexStorage} that injects faults). */
    public static SemidServer start(Map<String, Object> properties, Object... beans) {
        ApplicationContext ctx = Micronaut.build(new String[0]).banner(false).properties(properties).singletons(beans).start();
        return new SemidServer(ctx);
    }

    /** For a service in its own process: configuration from system properties and the environment; SIGTERM stops it cleanly. */
    public static void main(String[] args) {
        Micronaut.build(args).banner(false).start();
    }

    public int port() { return context.getBean(EmbeddedServer.class).getPort(); }

    public ApplicationContext context() { return context; }

    public StreamEngine engine() { return context.getBean(StreamEngine.class); }

    @Override public void close() { context.close(); }
}
