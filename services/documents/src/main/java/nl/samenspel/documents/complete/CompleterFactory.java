package nl.samenspel.documents.complete;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import nl.samenspel.documents.render.DocumentRenderer;
import nl.samenspel.documents.seal.Sealer;

@Factory
public class CompleterFactory {

    @Singleton
    Completer completer(DocumentRenderer renderer, Sealer sealer) {
        return new Completer(renderer, sealer);
    }
}
