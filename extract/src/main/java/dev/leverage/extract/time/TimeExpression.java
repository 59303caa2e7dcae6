package dev.leverage.extract.time;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A time of day written in a text, normalised.
 *
 * @param start       offset of the expression in the text
 * @param end         end offset (exclusive)
 * @param text        the expression as written
 * @param time        the normalised time of day
 * @param date        the date written with it ("03/14/2025 at 2347"), else null
 * @param approximate written with "approximately", "about", "around", ...
 * @param rangeEnd    true for the second time of a range ("between 2300 and 0800")
 */
public record TimeExpression(int start, int end, String text, LocalTime time, LocalDate date, boolean approximate,
                             boolean rangeEnd) {
}
