package nl.samenspel.governance.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

@Factory
class MessagesFactory {

    /** i18n/messages_nl.properties and messages_en.properties (UTF-8), read by Thymeleaf's #{...}. */
    @Singleton
    MessageSource uiMessages() {
        return new ResourceBundleMessageSource("i18n.messages");
    }
}
