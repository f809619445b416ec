package io.botcore.platform.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every JSON string a service reads is refused when it holds a control character (C0, DEL, C1), a
 * bidirectional override (the "Trojan Source" characters) or half of a surrogate pair: none belongs in a
 * name, a reason, a symbol or a password, and each can forge log lines, terminal output or what a user sees.
 * Ordinary Unicode (accents, CJK, emoji) passes.
 */
public final class StrictText {

    /** The rule a refused string breaks, as the API reports it. */
    public static final String RULE = "must not contain control characters";

    private StrictText() {
    }

    /** The Jackson module that applies the rule to every {@code String} of a request body. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("bot-core-strict-text");
        module.addDeserializer(String.class, new Deserializer());
        return module;
    }

    /** @return the index of the first refused character, or -1 */
    public static int firstRefused(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || bidiControl(c)) {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean bidiControl(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f'
                || c == '\u061c';
    }

    /** A string that breaks {@link #RULE}; its message is the rule. */
    public static final class Refused extends InvalidFormatException {
        private static final long serialVersionUID = 1L;

        Refused(JsonParser parser, String value) {
            super(parser, RULE, value, String.class);
        }
    }

    private static final class Deserializer extends StringDeserializer {
        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = super.deserialize(p, ctxt);
            if (value != null && firstRefused(value) >= 0) {
                throw new Refused(p, value);
            }
            return value;
        }
    }
}
