package org.backprop.nn.json;

/** JSON text that is not JSON, or not the JSON the reader's caller expects; the message says where. */
public final class MalformedJsonException extends IllegalArgumentException {

    public MalformedJsonException(String message) {
        super(message);
    }
}
