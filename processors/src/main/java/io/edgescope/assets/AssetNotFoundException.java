package io.edgescope.assets;

/** An asset found nowhere and not downloadable; the message says where to put it. */
public class AssetNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AssetNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
