package nl.samenspel.documents;

/**
 * Input the documents service will not turn into a PDF or a seal: a model that misses a field, bytes
 * that are not a PDF. The code is stable; the message is meant for the caller and names no internals.
 */
public class DocumentRejectedException extends RuntimeException {

    private final String code;
    private final String field;

    public DocumentRejectedException(String code, String field, String message) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public DocumentRejectedException(String code, String message) {
        this(code, null, message);
    }

    public String code() {
        return code;
    }

    /** The offending field of the model, or null when the input as a whole is wrong. */
    public String field() {
        return field;
    }
}
