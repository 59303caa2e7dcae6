package dev.leverage.extract;

import dev.leverage.extract.time.TimeParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeParserTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "At 2215 hrs I stopped the car.|22:15", "at 2215 hours|22:15", "At 10:15 PM the driver|22:15", "at 10:15 p.m.|22:15",
            "at 10:15 a.m.|10:15", "clock read 22:15:07|22:15:07", "approximately 0006 hrs|00:06", "at 0018 hrs|00:18",
            "at 2347|23:47", "at approximately 0011|00:11", "12:11 AM|00:11", "12:05 PM|12:05", "at 7 p.m.|19:00", "at 10 PM|22:00",
            "around 11:47 pm|23:47", "at 2146.23 hours|21:46:23", "0041hrs|00:41", "at 0152 hrs|01:52", "1605 hours|16:05",
            "time: 0912|09:12", "at 1040 hours|10:40", "by 0800|08:00", "until 0600|06:00", "at noon|12:00", "at midnight|00:00",
            "2025-03-15T00:18:42|00:18:42", "2025-03-14 23:47|23:47", "at 23:58|23:58", "at 00:03|00:03", "@ 1954 hrs|19:54",
            "At 9:05 a.m.|09:05", "at 09:05|09:05", "at 21:46:23.5|21:46:23", "approx. 2300 hrs|23:00", "about 1:30 PM|13:30",
            "at 1 am|01:00", "at 12 am|00:00", "at 2400 hrs|00:00", "at 0000 hours|00:00", "at 1:15pm|13:15"})
    void normalisesOneTime(String text, String expected) {
        var times = TimeParser.times(text);
        assertEquals(1, times.size(), () -> "times in '" + text + "': " + times);
        assertEquals(LocalTime.parse(expected), times.get(0).time());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"234712|23:47:12", "001107|00:11:07", "0041|00:41", "041|00:41", "23:47|23:47", "23:47:12|23:47:12",
            "11:47 PM|23:47", "0041 hrs|00:41"})
    void readsClockCells(String cell, String expected) {
        assertEquals(LocalTime.parse(expected), TimeParser.parseClock(cell));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"03/14/2025|2025-03-14", "3/14/25|2025-03-14", "03142025|2025-03-14", "2025-03-14|2025-03-14",
            "March 14, 2025|2025-03-14", "14 Mar 2025|2025-03-14", "Mar. 14, 2025|2025-03-14", "03-14-2025|2025-03-14", "14MAR2025|2025-03-14"})
    void readsDates(String cell, String expected) {
        assertEquals(java.time.LocalDate.parse(expected), TimeParser.parseDate(cell));
    }

    @org.junit.jupiter.api.Test
    void ignoresNumbersThatAreNotTimes() {
        assertEquals(0, TimeParser.times("In 2019 he weighed 10.15 grams of item 2347").size());
        assertEquals(0, TimeParser.dates("DOB 02/03/1994").size());
    }

    @org.junit.jupiter.api.Test
    void rollsOverMidnight() {
        var carrier = new dev.leverage.extract.time.DateCarrier(java.time.LocalDate.of(2025, 3, 14));
        assertEquals("2025-03-14T23:58", carrier.resolve(LocalTime.of(23, 58)).toString());
        assertEquals("2025-03-15T00:03", carrier.resolve(LocalTime.of(0, 3)).toString());
    }

    @org.junit.jupiter.api.Test
    void aDocumentWritesItsNumericDatesOneWay() {
        // dotted dates that could be read either way: the reading that keeps them days apart, not months
        assertEquals(true, TimeParser.dayFirst("10.05.2025 2342\n11.05.2025 0105\n12.05.2025 0750"));
        // one date whose first number cannot be a month decides for the whole document, slashes included
        assertEquals(true, TimeParser.dayFirst("received 24/05/2025, released 10/05/2025"));
        assertEquals(false, TimeParser.dayFirst("received 05/24/2025, released 10/05/2025"));
        // US slashes stay month first without proof, and dotted dates spread the same either way stay month first
        assertEquals(false, TimeParser.dayFirst("03/04/2025 and 03/05/2025"));
        assertEquals(false, TimeParser.dayFirst("one date 10.05.2025 only"));
        assertEquals(java.time.LocalDate.parse("2025-05-10"), TimeParser.withDayFirst(true, () -> TimeParser.parseDate("10.05.2025")));
        assertEquals(java.time.LocalDate.parse("2025-10-05"), TimeParser.parseDate("10.05.2025"));
    }

    @ParameterizedTest(name = "{0} near {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "Exh. 2: bag opened February 5 at 10:20 AM.|2025-01-22|2025-02-05",
            "Box opened Feb. 4th at 9:05 AM.|2025-01-22|2025-02-04",
            "logged in on 5 FEB at 1020 hrs|2025-01-22|2025-02-05",
            "on the 4th of February|2025-01-22|2025-02-04",
            // the year that puts the date nearest the document's own: across New Year both ways
            "picked up Dec 30 at 2300|2025-01-03|2024-12-30",
            "returned Jan. 2 at 0800|2024-12-28|2025-01-02",
            // a written year wins; a span's first day, a name and the verb are no dates
            "June 12, 2024|2025-01-22|2024-06-12",
            "Examination (April 10-14, 2025)|2025-04-01|",
            "Janet 5 and Marshal 4|2025-01-22|",
            "officers may 3 times ask|2025-01-22|"})
    void aDateWithoutItsYearTakesTheNearestYear(String text, String near, String expected) {
        var found = TimeParser.dates(text, java.time.LocalDate.parse(near));
        assertEquals(expected == null ? null : java.time.LocalDate.parse(expected), found.isEmpty() ? null : found.get(0).date());
        if (expected != null) assertEquals(java.util.List.of(), TimeParser.dates(text).stream().filter(d -> !d.text().matches(".*\\d{4}.*")).toList(),
                "without a date to go by, no year is guessed");
    }
}
