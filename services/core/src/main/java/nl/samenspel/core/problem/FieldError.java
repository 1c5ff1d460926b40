package nl.samenspel.core.problem;

import io.micronaut.serde.annotation.Serdeable;

/** One offending field of a request: its JSON path, a stable code and a readable message. */
@Serdeable
public record FieldError(String field, String code, String message) {}
