package dev.leverage.extract.time;

import java.time.LocalDate;

/** A calendar date written in a text, normalised, with its span. */
public record DateExpression(int start, int end, String text, LocalDate date) {
}
