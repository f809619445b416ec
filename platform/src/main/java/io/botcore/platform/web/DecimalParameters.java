package io.botcore.platform.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole-number request parameters ({@code ?limit=}) are read as plain decimal only. Spring's default editor
 * also takes {@code 0x10}, {@code #10} and {@code 010} (octal); here those are a 400 naming the parameter.
 */
@ControllerAdvice
class DecimalParameters {

    @InitBinder
    void decimalOnly(WebDataBinder binder) {
        binder.registerCustomEditor(int.class, new Decimal(Integer::valueOf));
        binder.registerCustomEditor(Integer.class, new Decimal(Integer::valueOf));
        binder.registerCustomEditor(long.class, new Decimal(Long::valueOf));
        binder.registerCustomEditor(Long.class, new Decimal(Long::valueOf));
    }

    private static final class Decimal extends PropertyEditorSupport {
        private final Function<String, Number> parse;

        Decimal(Function<String, Number> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            String s = text == null ? "" : text.strip();
            if (!s.matches("-?[0-9]{1,19}")) {
                throw new IllegalArgumentException("must be a whole number written in decimal");
            }
            setValue(parse.apply(s));
        }
    }
}
