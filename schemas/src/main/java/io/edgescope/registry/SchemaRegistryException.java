package io.edgescope.registry;

/**
 * A registry call failed. {@link #errorCode()} is the Confluent error code (e.g. 40401 subject not
 * found, 40403 schema not found, 409 incompatible, 42201 invalid schema), or 0 when the registry
 * could not be reached at all.
 */
public class SchemaRegistryException extends RuntimeException {
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INCOMPATIBLE = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int UNREACHABLE = 0;
    public static final int NOT_FOUND = 404;

    private static final int HTTP_STATUS_MIN = 100;
    private static final int HTTP_STATUS_MAX = 599;
    private static final int DETAIL_DIGITS = 100;
    private static final int SERVER_ERROR = 500;

    private static final long serialVersionUID = 1L;
    private final int errorCode;

    public SchemaRegistryException(int errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }

    /** The HTTP status a Confluent registry answers with for this error code. */
    public int httpStatus() {
        if (errorCode >= HTTP_STATUS_MIN && errorCode <= HTTP_STATUS_MAX) {
            return errorCode;
        }
        return errorCode > HTTP_STATUS_MAX ? errorCode / DETAIL_DIGITS : SERVER_ERROR;
    }
}
