package nl.samenspel.governance.documents;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The documents service as its jar runs it, in this JVM on a random port, with its own application.yml.
 * It gets a class loader of its own that leaves out governance's classes: on governance's classpath the
 * governance beans (login, database) would start with it and governance's application.yml would win.
 * The test talks to it only over HTTP.
 */
final class DocumentsServer implements AutoCloseable {

    private final URI uri;
    private final AutoCloseable server;
    private final URLClassLoader loader;

    private DocumentsServer(URI uri, AutoCloseable server, URLClassLoader loader) {
        this.uri = uri;
        this.server = server;
        this.loader = loader;
    }

    /** With {@code endpoints} false: a server on which the documents endpoints are switched off. */
    static DocumentsServer start(boolean endpoints) {
        URLClassLoader loader = new URLClassLoader(documentsClasspath(), ClassLoader.getPlatformClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> contexts = loader.loadClass("io.micronaut.context.ApplicationContext");
            Class<?> builders = loader.loadClass("io.micronaut.context.ApplicationContextBuilder");
            Object builder = contexts.getMethod("builder").invoke(null);
            builders.getMethod("classLoader", ClassLoader.class).invoke(builder, loader);
            builders.getMethod("properties", Map.class)
                    .invoke(
                            builder,
                            Map.of(
                                    "samenspel.documents.http.enabled",
                                    endpoints,
                                    "micronaut.server.port",
                                    -1,
                                    // The documents jar has no micronaut-security; governance's classpath has.
                                    "micronaut.security.enabled",
                                    false));
            Object server = builders.getMethod("run", Class.class)
                    .invoke(builder, loader.loadClass("io.micronaut.runtime.server.EmbeddedServer"));
            URI uri = (URI) server.getClass().getMethod("getURI").invoke(server);
            return new DocumentsServer(uri, (AutoCloseable) server, loader);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot start the documents service", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    URI uri() {
        return uri;
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            loader.close();
        }
    }

    /** The test classpath (surefire names it) without governance's own classes and test classes. */
    private static URL[] documentsClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path governance = Path.of("target").toAbsolutePath().normalize();
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize())
                .filter(entry -> !entry.startsWith(governance))
                .map(DocumentsServer::url)
                .toArray(URL[]::new);
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
