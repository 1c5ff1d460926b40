package nl.samenspel.documents.render;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

@Factory
public class RendererFactory {

    @Singleton
    DocumentRenderer documentRenderer() {
        return new DocumentRenderer();
    }
}
