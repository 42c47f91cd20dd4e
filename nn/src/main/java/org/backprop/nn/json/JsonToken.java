package org.backprop.nn.json;

/** What {@link JsonReader#peek()} sees next. */
public enum JsonToken {
    BEGIN_OBJECT, END_OBJECT, BEGIN_ARRAY, END_ARRAY, NAME, STRING, NUMBER, BOOLEAN, NULL, END_DOCUMENT
}
