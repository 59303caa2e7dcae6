package dev.leverage.extract.time;

import dev.leverage.extract.NumberWords;
import dev.leverage.extract.Prefilter;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and normalises the times and dates police paperwork is written in: "2215 hrs", "2215 hours", "10:15 PM",
 * "10:15 p.m.", "22:15:07", "2146.23 hours", "approximately 0006 hrs", "at 2347", "between 2300 and 0800",
 * ISO date-times, CAD cells in hhmmss, dates as 03/14/2025, 3/14/25, 03142025, 2025-03-14, March 14, 2025,
 * 14 Mar 2025 and 14MAR25. Stateless and thread-safe.
 */
public final class TimeParser {
    private static final String APPROX = "(?:(?:at\\s+or\\s+(?:about|around)|sometime\\s+around|approximately|approx\\.?|aprox\\.?|apprx\\.?|appx\\.?|about|around|roughly|circa|ca\\.|~)\\s*)";
    private static final String AMPM = "(a\\.\\s?m\\.?|p\\.\\s?m\\.?|am\\b|pm\\b|a\\b|p\\b)";

    // 10:15 PM, 22:15, 22:15:07, 22:15:07.5, 10.15 p.m.
    private static final Pattern CLOCK = Pattern.compile(
            "(?i)(?<![\\d:\\[])(" + APPROX + ")?([01]?\\d|2[0-4])[:.]([0-5]\\d)(?::([0-5]\\d)(?:\\.\\d+)?)?(?![\\d:]|[-–][A-Za-z]{2,3}[-–])(?:\\s*(?:o'?\\s?clock)?\\s*" + AMPM + ")?(?:\\s*(?:hrs|hours|hr)\\b\\.?)?");
    // 2215 hrs, 2215 hours, 2146.23 hours, 0006hrs, 2215H
    private static final Pattern MILITARY_SUFFIX = Pattern.compile(
            "(?i)(?<![\\d.:/-])(" + APPROX + ")?([01]\\d|2[0-4])([0-5]\\d)(?:\\.([0-5]\\d))?\\s*(?:hrs|hours|hr|h)\\b\\.?");
    // "22h40", "08h40": the hour-h-minutes clock of ships' logs and European forms
    private static final Pattern H_CLOCK = Pattern.compile("(?i)(?<![\\w:.])(" + APPROX + ")?([01]?\\d|2[0-3])h([0-5]\\d)(?![\\w:])");
    // at 2347, approximately 0011, between 2300 and 0800, until 0600
    private static final Pattern MILITARY_CONTEXT = Pattern.compile(
            "(?i)(?<![\\w])(at|@|~|approximately|approx\\.?|aprox\\.?|about|around|between|and|until|till|by|from|to|before|after|time(?:\\s+(?:of\\s+)?[a-z]+){0,3}\\s*:?|"
                    + "(?:arrived|arrival|cleared|dispatched|disp|released|booked|completed|enrt|onscn|on\\s+scene|departed|received|rec'?d|logged|entered|started|ended|"
                    // a form's own label, colon and all: "Arrival: 2223", "Request received: 2216", "Deployment: 2224"
                    + "stopped|contacted|called|transported|notified|requested|deploy(?:ed|ment)|alert(?:ed)?)\\s*:?)\\s*(" + APPROX + ")?([01]\\d|2[0-4])([0-5]\\d)(?![\\d:/-]|\\.\\d|\\s*(?:hrs|hours|hr|h)\\b|\\s+(?:[NSEW]\\.?\\s+)?[A-Z]?[a-z]+\\s+(?:st|street|ave|avenue|rd|road|blvd|dr|drive|ln|lane|way|ct|court|pl|place|hwy|highway|block)\\b|\\s+block\\b|\\s*(?:g|grams?|kg|lbs?|mg|ml|oz|miles?|mph|ft|feet|rounds?|dollars?|%)(?![a-z]))");
    // "1015 PM": a four-digit time with a meridiem
    private static final Pattern MILITARY_AMPM = Pattern.compile("(?i)(?<![\\d:.])(" + APPROX + ")?(1[0-2]|0[1-9])([0-5]\\d)\\s*(a\\.\\s?m\\.?|p\\.\\s?m\\.?|am\\b|pm\\b)");
    // "2215-2240 hrs", "2100 to 0300", "Shift: 1800-0600"
    private static final Pattern MILITARY_RANGE = Pattern.compile("(?i)(?<![\\d/.:-])(" + APPROX + ")?([01]\\d|2[0-3])([0-5]\\d)\\s*(?:[-–—]|to|until|till|thru|through)\\s*([01]\\d|2[0-4])([0-5]\\d)(?![\\d/:-])(\\s*(?:hrs|hours|hr|h)\\b\\.?)?");
    // A CAD line or cell that starts with its hhmmss: "234712 2S14 ONSCN", "001503 | 4A22 | ENRT", "Disp: 221507"
    private static final Pattern LEADING_HHMMSS = Pattern.compile("(?im)(?:^|[,|]\\s*|\\b[a-z]{2,10}:\\s*)([01]\\d|2[0-3])([0-5]\\d)([0-5]\\d)(?=\\s|,|\\||$)");
    // A date followed by its time: "14MAR25 2347", "03/14/2025,234712", "2025-03-14 2347", "DTG 14 MAR 2025 2347"
    private static final Pattern AFTER_DATE_CLOCK = Pattern.compile("^\\s{0,3}[,@/]?\\s{0,3}(?:at\\s+)?([01]\\d|2[0-3])([0-5]\\d)([0-5]\\d)?(?![\\d:/.-])");
    // A compact date and time: "20250621 2315", "03142025 234712"
    private static final Pattern COMPACT_DATE_CLOCK = Pattern.compile("(?<![\\d/.-])(\\d{8})[ ,]+([01]\\d|2[0-3])([0-5]\\d)([0-5]\\d)?(?![\\d/:.-])");
    // A time, then its date: "0230 / 01-17-2025"
    private static final Pattern CLOCK_SLASH_DATE = Pattern.compile("(?<![\\d/.:-])([01]\\d|2[0-3])([0-5]\\d)\\s*/\\s*(?=\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4})");
    private static final Pattern DURATION_BEFORE = Pattern.compile("(?i)\\b(duration|elapsed(?:\\s+time)?|length|run\\s*time|total\\s*time|lasted|time\\s+elapsed)\\W*$");
    private static final Pattern DATE_THEN_MILITARY = Pattern.compile(
            "(?<![\\d/.-])(\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2}))[ \\t]{1,4}([01]\\d|2[0-3])([0-5]\\d)(?![\\d.:/-]|\\s*(?:hrs|hours|hr|h)\\b)");
    // 10 PM, 7 a.m.
    private static final Pattern HOUR_AMPM = Pattern.compile(
            "(?i)(?<![\\d:.])(" + APPROX + ")?(1[0-2]|0?[1-9])\\s*(a\\.\\s?m\\.?|p\\.\\s?m\\.?|am\\b|pm\\b)");
    private static final Pattern NOON_MIDNIGHT = Pattern.compile("(?i)\\b(" + APPROX + ")?(noon|midnight)\\b");
    private static final Pattern ISO = Pattern.compile(
            "(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?(?!\\d)");

    private static final Pattern DATE_NUMERIC = Pattern.compile("(?<![\\d/.-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d/])");
    private static final Pattern DATE_ISO = Pattern.compile("(?<![\\d-/])(\\d{4})[-/](\\d{2})[-/](\\d{2})(?![\\d-/])");
    private static final Pattern DATE_MONTH_NAME = Pattern.compile(
            "(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern DATE_DAY_MONTH = Pattern.compile(
            "(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?[\\s-]*(?:day\\s+)?(?:of\\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?,?[\\s-]*(\\d{4}|\\d{2})\\b");

    /** "2024-DEC-02", "2025 MAR 07": year, month's name, day, as military and federal forms write them. */
    private static final Pattern DATE_YEAR_MONTH = Pattern.compile(
            "(?i)(?<![\\d-])(\\d{4})[\\s-]+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?[\\s-]+(\\d{1,2})(?![\\d:])");

    /**
     * "February 5", "Feb. 4th", "5 February": a date written without its year, which only the document's own dates can
     * complete. The first day of a span ("April 10-14") is no day an event happened on.
     */
    private static final String MONTH_WORD = "(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?|May|MAY";
    private static final Pattern DATE_BARE_MONTH_DAY = Pattern.compile(
            "\\b(" + MONTH_WORD + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?![:\\d]|\\s*[,.]?\\s*(?:19|20)\\d{2}\\b|\\s*,?\\s*'\\d{2}\\b|\\s*[-\u2013]\\s*\\d)");
    private static final Pattern DATE_BARE_DAY_MONTH = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:(?i:of)\\s+)?(" + MONTH_WORD + ")(?![a-z])(?![\\s,.-]*\\d)");

    private static final Pattern BIRTH = Pattern.compile("(?i)(dob|d\\.o\\.b\\.?|date of birth|birth ?date|born( on)?)\\W*$");
    private static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("jan", Month.JANUARY), Map.entry("feb", Month.FEBRUARY), Map.entry("mar", Month.MARCH),
            Map.entry("apr", Month.APRIL), Map.entry("may", Month.MAY), Map.entry("jun", Month.JUNE),
            Map.entry("jul", Month.JULY), Map.entry("aug", Month.AUGUST), Map.entry("sep", Month.SEPTEMBER),
            Map.entry("sept", Month.SEPTEMBER), Map.entry("oct", Month.OCTOBER), Map.entry("nov", Month.NOVEMBER),
            Map.entry("dec", Month.DECEMBER));

    /** Whether the document being read writes its numeric dates day first (14.03.2025); null: month first, as US paperwork does. */
    private static final ThreadLocal<Boolean> DAY_FIRST = new ThreadLocal<>();

    /**
     * Reads with the given order of numeric dates: one document writes all its dates one way, so "10.05.2025" in a
     * log whose other rows say "24.05.2025" is the 10th of May.
     */
    public static <T> T withDayFirst(boolean dayFirst, java.util.function.Supplier<T> read) {
        Boolean before = DAY_FIRST.get();
        DAY_FIRST.set(dayFirst ? Boolean.TRUE : null);
        try {
            return read.get();
        } finally {
            if (before == null) DAY_FIRST.remove();
            else DAY_FIRST.set(before);
        }
    }

    /**
     * Whether a document writes numeric dates day first. A date whose first number cannot be a month (24.05.2025,
     * 24/05/2025) says so, one whose second cannot be (05/24/2025) says the opposite; when every date could be read
     * either way, dotted dates (a European and military habit) are read day first if that puts them closer together
     * (10.05, 11.05, 12.05 are three days, not three months). Slashed dates stay month first unless a date proves
     * otherwise.
     */
    public static boolean dayFirst(String text) {
        if (!NumberWords.hasDigit(text)) return false;
        String t = deOcr(text);
        boolean dayProof = false, monthProof = false;
        long minM = Long.MAX_VALUE, maxM = Long.MIN_VALUE, minD = Long.MAX_VALUE, maxD = Long.MIN_VALUE;
        int dotted = 0;
        Matcher m = DATE_NUMERIC.matcher(t);
        while (m.find()) {
            int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(3)), y = year(m.group(4));
            if (a > 12 && b <= 12 && date(y, b, a) != null) dayProof = true;
            if (b > 12 && a <= 12 && date(y, a, b) != null) monthProof = true;
            if (!m.group(2).equals(".") || a > 12 || b > 12) continue;
            LocalDate md = date(y, a, b), dm = date(y, b, a);
            if (md == null || dm == null) continue;
            dotted++;
            minM = Math.min(minM, md.toEpochDay());
            maxM = Math.max(maxM, md.toEpochDay());
            minD = Math.min(minD, dm.toEpochDay());
            maxD = Math.max(maxD, dm.toEpochDay());
        }
        if (dayProof != monthProof) return dayProof;
        if (dayProof) return false;
        return dotted >= 2 && maxD - minD < maxM - minM;
    }

    private TimeParser() {
    }

    /** Every time of day in the text, in order, overlapping matches resolved in favour of the longest. */
    public static List<TimeExpression> times(String written) {
        // Every form of a time has a digit, except noon and midnight; most lines of a page have neither.
        if (!NumberWords.hasDigit(written) && !Prefilter.find(NOON_WORD, written)) return new ArrayList<>();
        String text = deOcr(written);
        List<TimeExpression> found = new ArrayList<>();
        Matcher m = ISO.matcher(text);
        while (m.find()) {
            try {
                LocalDateTime dt = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                found.add(new TimeExpression(m.start(), m.end(), m.group(), dt.toLocalTime(), dt.toLocalDate(), false, false));
            } catch (DateTimeException ignored) {
                // not a date-time
            }
        }
        m = CLOCK.matcher(text);
        while (m.find()) {
            String ampm = m.group(5);
            int hour = Integer.parseInt(m.group(2));
            int minute = Integer.parseInt(m.group(3));
            int second = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            boolean dotted = text.charAt(m.start(2) + m.group(2).length()) == '.';
            if (dotted && ampm == null) continue; // "10.15" alone is a number, not a time
            if (ampm != null && ampm.length() == 1 && !isAmPmLetter(text, m.end(5))) ampm = null;
            LocalTime t = clock(hour, minute, second, ampm);
            if (t == null) continue;
            int end = ampm == null && m.group(5) != null ? m.start(5) : m.end();
            found.add(new TimeExpression(m.start(), end, text.substring(m.start(), end).strip(), t, null, m.group(1) != null, false));
        }
        m = MILITARY_SUFFIX.matcher(text);
        while (m.find()) {
            LocalTime t = clock(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4) == null ? 0 : Integer.parseInt(m.group(4)), null);
            if (t != null) found.add(new TimeExpression(m.start(), m.end(), m.group(), t, null, m.group(1) != null, false));
        }
        m = H_CLOCK.matcher(text);
        while (m.find()) {
            LocalTime t = clock(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), 0, null);
            if (t != null) found.add(new TimeExpression(m.start(), m.end(), m.group(), t, null, m.group(1) != null, false));
        }
        m = MILITARY_CONTEXT.matcher(text);
        while (m.find()) {
            LocalTime t = clock(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), 0, null);
            if (t == null) continue;
            String cue = m.group(1).toLowerCase(Locale.ROOT);
            boolean cueApprox = cue.startsWith("approx") || cue.startsWith("aprox") || cue.equals("about") || cue.equals("around") || cue.equals("~");
            boolean approx = m.group(2) != null || cueApprox;
            int start = cueApprox ? m.start(1) : m.start(2) >= 0 ? m.start(2) : m.start(3);
            found.add(new TimeExpression(start, m.end(), text.substring(start, m.end()), t, null, approx, cue.equals("and") || cue.equals("to") || cue.equals("until") || cue.equals("till")));
        }
        // A log line's date and 24-hour time side by side: "04/02/24 1505  RECEIVED from ..."
        m = DATE_THEN_MILITARY.matcher(text);
        while (m.find()) {
            LocalTime t = clock(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), 0, null);
            LocalDate d = parseDate(m.group(1));
            if (BIRTH.matcher(text.substring(Math.max(0, m.start() - 20), m.start())).find()) continue;
            if (t != null) found.add(new TimeExpression(m.start(2), m.end(), m.group(2) + m.group(3), t, d, false, false));
        }
        m = HOUR_AMPM.matcher(text);
        while (m.find()) {
            LocalTime t = clock(Integer.parseInt(m.group(2)), 0, 0, m.group(3));
            if (t != null) found.add(new TimeExpression(m.start(), m.end(), m.group().strip(), t, null, m.group(1) != null, false));
        }
        m = NOON_MIDNIGHT.matcher(text);
        while (m.find()) {
            LocalTime t = m.group(2).equalsIgnoreCase("noon") ? LocalTime.NOON : LocalTime.MIDNIGHT;
            found.add(new TimeExpression(m.start(), m.end(), m.group(), t, null, m.group(1) != null, false));
        }
        m = MILITARY_AMPM.matcher(text);
        while (m.find()) {
            LocalTime t = clock(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), 0, m.group(4));
            if (t != null) found.add(new TimeExpression(m.start(), m.end(), m.group().strip(), t, null, m.group(1) != null, false));
        }
        m = MILITARY_RANGE.matcher(text);
        while (m.find()) {
            boolean year = Prefilter.matches(m.group(2), "19|20") && m.group(6) == null;
            if (year) continue; // "2019-2021"
            LocalTime a = clock(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), 0, null);
            LocalTime b = clock(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), 0, null);
            if (a == null || b == null) continue;
            int split = m.start(4);
            found.add(new TimeExpression(m.start(), m.start(3) + 2, text.substring(m.start(), m.start(3) + 2), a, null, m.group(1) != null, false));
            found.add(new TimeExpression(split, m.end(), text.substring(split, m.end()), b, null, m.group(1) != null, true));
        }
        m = LEADING_HHMMSS.matcher(text);
        while (m.find()) {
            LocalTime t = clock(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), null);
            if (t != null) found.add(new TimeExpression(m.start(1), m.end(3), m.group(1) + m.group(2) + m.group(3), t, null, false, false));
        }
        // A date and the time written right after it.
        for (DateExpression d : dates(text)) {
            Matcher c = AFTER_DATE_CLOCK.matcher(text.substring(d.end()));
            if (!c.find()) continue;
            LocalTime t = clock(Integer.parseInt(c.group(1)), Integer.parseInt(c.group(2)), c.group(3) == null ? 0 : Integer.parseInt(c.group(3)), null);
            if (t == null || BIRTH.matcher(text.substring(Math.max(0, d.start() - 20), d.start())).find()) continue;
            int start = d.end() + c.start(1);
            found.add(new TimeExpression(start, d.end() + c.end(), text.substring(start, d.end() + c.end()), t, d.date(), false, false));
        }
        m = COMPACT_DATE_CLOCK.matcher(text);
        while (m.find()) {
            LocalDate d = parseDate(m.group(1));
            LocalTime t = clock(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)), null);
            if (d != null && t != null) found.add(new TimeExpression(m.start(2), m.end(), text.substring(m.start(2), m.end()), t, d, false, false));
        }
        m = CLOCK_SLASH_DATE.matcher(text);
        while (m.find()) {
            LocalTime t = clock(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 0, null);
            List<DateExpression> after = dates(text.substring(m.end()));
            if (t != null && !after.isEmpty() && after.get(0).start() == 0) {
                found.add(new TimeExpression(m.start(1), m.end(2), m.group(1) + m.group(2), t, after.get(0).date(), false, false));
            }
        }
        // A duration ("duration 00:57:49", "elapsed time 0:12") is not a time of day.
        found.removeIf(t -> DURATION_BEFORE.matcher(text.substring(Math.max(0, t.start() - 24), t.start())).find());
        List<TimeExpression> out = longestFirst(found);
        return sharedMeridiem(text, markRanges(text, out));
    }

    /**
     * "Between 1:00 and 1:30 p.m.", "between 8 and 9 a.m.": a range whose end carries the meridiem gives it to its
     * start when the start is written without one.
     */
    private static List<TimeExpression> sharedMeridiem(String text, List<TimeExpression> list) {
        List<TimeExpression> out = new ArrayList<>(list);
        for (int i = 1; i < out.size(); i++) {
            TimeExpression end = out.get(i), start = out.get(i - 1);
            if (!end.rangeEnd() || !Prefilter.matches(end.text(), "(?is).*\\b[ap]\\.?\\s?m\\b\\.?.*") || Prefilter.matches(start.text(), "(?is).*\\b[ap]\\.?\\s?m\\b.*")) continue;
            boolean pm = Prefilter.matches(end.text().toLowerCase(Locale.ROOT), "(?s).*\\bp\\.?\\s?m.*");
            int h = start.time().getHour();
            if (h < 1 || h > 12) continue;
            LocalTime t = LocalTime.of(h % 12 + (pm ? 12 : 0), start.time().getMinute(), start.time().getSecond());
            if (t.isAfter(end.time())) continue;
            out.set(i - 1, new TimeExpression(start.start(), start.end(), start.text(), t, start.date(), start.approximate(), false));
        }
        // "between 8 and 9 a.m.": the start is a bare hour.
        Matcher m = BARE_HOUR_RANGE.matcher(text);
        while (m.find()) {
            int at = m.start(1);
            if (out.stream().anyMatch(t -> t.start() <= at && at < t.end())) continue;
            TimeExpression end = out.stream().filter(t -> t.start() == m.start(2)).findFirst().orElse(null);
            if (end == null) continue;
            boolean pm = m.group(3).toLowerCase(Locale.ROOT).startsWith("p");
            int h = Integer.parseInt(m.group(1));
            LocalTime t = LocalTime.of(h % 12 + (pm ? 12 : 0), 0);
            out.add(new TimeExpression(at, m.end(1), m.group(1), t, null, false, false));
            out.set(out.indexOf(end), new TimeExpression(end.start(), end.end(), end.text(), end.time(), end.date(), end.approximate(), true));
        }
        out.sort(Comparator.comparingInt(TimeExpression::start));
        return out;
    }

    private static final Pattern NOON_WORD = Pattern.compile("(?i)noon|midnight");

    private static final Pattern BARE_HOUR_RANGE = Pattern.compile("(?i)\\b(?:between|from)\\s+(1[0-2]|[1-9])\\s+(?:and|to|-)\\s+((?:1[0-2]|[1-9])(?::[0-5]\\d)?\\s*([ap])\\.?\\s?m\\b\\.?)");

    /**
     * Reads digits the way a person reads a scanned page: a letter O inside a number is a zero, l or I a one, a
     * semicolon between digits a colon ("O018 hrs", "l1:30 p.m.", "23;47"). The text keeps its length, so offsets hold.
     */
    static String deOcr(String text) {
        Matcher m = OCR_TOKEN.matcher(text);
        StringBuilder sb = null;
        while (m.find()) {
            String tok = m.group();
            long digits = tok.chars().filter(Character::isDigit).count();
            if (digits < 2 || !Prefilter.matches(tok, ".*[OoIl;].*")) continue;
            if (sb == null) sb = new StringBuilder(text);
            for (int i = 0; i < tok.length(); i++) {
                char c = tok.charAt(i);
                char r = c == 'O' || c == 'o' ? '0' : c == 'I' || c == 'l' ? '1' : c == ';' ? ':' : c;
                sb.setCharAt(m.start() + i, r);
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static final Pattern OCR_TOKEN = Pattern.compile("(?<![A-Za-z])[0-9OoIl][0-9OoIl:;/.]*[0-9OoIl](?![A-Za-z])");

    private static boolean isAmPmLetter(String text, int end) {
        // "10:15 p" is a time only when the letter stands alone: "10:15 p" or "10:15p." but not "10:15 pursuant".
        return end >= text.length() || !Character.isLetter(text.charAt(end));
    }

    /** Expressions connected by "and"/"to"/"-"/"until" after "between"/"from" form a range. */
    private static List<TimeExpression> markRanges(String text, List<TimeExpression> list) {
        List<TimeExpression> out = new ArrayList<>(list);
        for (int i = 1; i < out.size(); i++) {
            TimeExpression prev = out.get(i - 1);
            TimeExpression cur = out.get(i);
            String between = text.substring(prev.end(), Math.max(prev.end(), cur.start())).strip().toLowerCase(Locale.ROOT);
            // "from 03/14/2025 2300 to 03/15/2025 0800": the end may carry its own date.
            if (Prefilter.matches(between, "(and|to|-|–|until|till|through|thru)(\\s+(on\\s+)?\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}(\\s+at)?)?")) {
                out.set(i, new TimeExpression(cur.start(), cur.end(), cur.text(), cur.time(), cur.date(), cur.approximate(), true));
            }
        }
        return out;
    }

    private static List<TimeExpression> longestFirst(List<TimeExpression> found) {
        found.sort(Comparator.comparingInt(TimeExpression::start).thenComparing(Comparator.comparingInt((TimeExpression t) -> t.end() - t.start()).reversed()));
        List<TimeExpression> out = new ArrayList<>();
        for (TimeExpression t : found) {
            boolean overlaps = false;
            for (int i = 0; i < out.size(); i++) {
                TimeExpression o = out.get(i);
                if (t.start() < o.end() && o.start() < t.end()) {
                    overlaps = true;
                    if (t.end() - t.start() > o.end() - o.start()) out.set(i, t);
                    break;
                }
            }
            if (!overlaps) out.add(t);
        }
        out.sort(Comparator.comparingInt(TimeExpression::start));
        return out;
    }

    static LocalTime clock(int hour, int minute, int second, String ampm) {
        if (ampm != null) {
            if (hour < 1 || hour > 12) return null;
            boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour == 24 && minute == 0 && second == 0) hour = 0;
        if (hour > 23 || minute > 59 || second > 59) return null;
        return LocalTime.of(hour, minute, second);
    }

    /**
     * Reads a cell that holds only a time, as CAD exports and custody spreadsheets write them: "234712" (hhmmss),
     * "2347", "23:47", "23:47:12", "11:47 PM", "0041 hrs", "2025-03-14T23:47:12". Null when it is not a time.
     */
    public static LocalTime parseClock(String cell) {
        if (cell == null) return null;
        String s = cell.strip();
        if (Prefilter.matches(s, "\\d{6}")) {
            return clock(Integer.parseInt(s.substring(0, 2)), Integer.parseInt(s.substring(2, 4)), Integer.parseInt(s.substring(4)), null);
        }
        if (Prefilter.matches(s, "\\d{3,4}")) {
            String p = s.length() == 3 ? "0" + s : s;
            return clock(Integer.parseInt(p.substring(0, 2)), Integer.parseInt(p.substring(2)), 0, null);
        }
        if (Prefilter.matches(s, "\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")) {
            String[] p = s.split("[:.]");
            return clock(Integer.parseInt(p[0]), Integer.parseInt(p[1]), p.length > 2 ? Integer.parseInt(p[2]) : 0, null);
        }
        // "22h40": a ship's or a European log's clock
        if (Prefilter.matches(s, "(?i)\\d{1,2}h\\d{2}")) {
            String[] p = s.toLowerCase(java.util.Locale.ROOT).split("h");
            return clock(Integer.parseInt(p[0]), Integer.parseInt(p[1]), 0, null);
        }
        List<TimeExpression> t = times(s);
        return t.size() == 1 ? t.get(0).time() : null;
    }

    /** Reads a cell that holds only a date ("03/14/2025", "03142025", "2025-03-14", "14-MAR-2025"), or null. */
    public static LocalDate parseDate(String cell) {
        if (cell == null) return null;
        String s = cell.strip();
        if (Prefilter.matches(s, "\\d{8}")) {
            LocalDate d = date(Integer.parseInt(s.substring(4)), Integer.parseInt(s.substring(0, 2)), Integer.parseInt(s.substring(2, 4)));
            if (d != null) return d;
            return date(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)), Integer.parseInt(s.substring(6)));
        }
        List<DateExpression> d = dates(s);
        return d.isEmpty() ? null : d.get(0).date();
    }

    /** Reads a cell holding a date and a time together ("03/14/2025 23:47", "2025-03-14T23:47:12"), or null. */
    public static LocalDateTime parseDateTime(String cell) {
        if (cell == null) return null;
        List<TimeExpression> t = times(cell);
        List<DateExpression> d = dates(cell);
        if (!d.isEmpty()) {
            // "08/15/2024 0930", "2024-08-15 093012": in a date-time cell the rest of the cell is the clock.
            DateExpression first = d.get(0);
            String rest = (cell.substring(0, first.start()) + " " + cell.substring(first.end())).strip()
                    .replaceAll("(?i)^(at|@)\\s*", "").replaceAll("(?i)\\s*(hrs|hours|h)\\.?$", "");
            LocalTime clock = rest.isEmpty() ? null : parseClock(rest);
            if (clock != null) return LocalDateTime.of(first.date(), clock);
        }
        if (t.isEmpty()) return null;
        LocalDate date = t.get(0).date() != null ? t.get(0).date() : d.isEmpty() ? null : d.get(0).date();
        if (date == null) {
            // A bare "234712" style cell next to a date: try the parts.
            return null;
        }
        return LocalDateTime.of(date, t.get(0).time());
    }

    /** Every calendar date in the text, in order. */
    public static List<DateExpression> dates(String written) {
        if (!NumberWords.hasDigit(written)) return new ArrayList<>(); // every form of a date has one

        String text = deOcr(written);
        List<DateExpression> found = new ArrayList<>();
        Matcher m = DATE_ISO.matcher(text);
        while (m.find()) {
            LocalDate d = date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (d != null) found.add(new DateExpression(m.start(), m.end(), m.group(), d));
        }
        m = DATE_NUMERIC.matcher(text);
        while (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            int y = year(m.group(4));
            // US order (month/day) unless the first number cannot be a month, or the document writes the day first.
            LocalDate d = a <= 12 && !(b <= 12 && DAY_FIRST.get() != null) ? date(y, a, b) : date(y, b, a);
            if (d != null) found.add(new DateExpression(m.start(), m.end(), m.group(), d));
        }
        m = DATE_MONTH_NAME.matcher(text);
        while (m.find()) {
            LocalDate d = date(Integer.parseInt(m.group(3)), MONTHS.get(m.group(1).toLowerCase(Locale.ROOT)).getValue(), Integer.parseInt(m.group(2)));
            if (d != null) found.add(new DateExpression(m.start(), m.end(), m.group(), d));
        }
        m = DATE_DAY_MONTH.matcher(text);
        while (m.find()) {
            LocalDate d = date(year(m.group(3)), MONTHS.get(m.group(2).toLowerCase(Locale.ROOT)).getValue(), Integer.parseInt(m.group(1)));
            if (d != null) found.add(new DateExpression(m.start(), m.end(), m.group(), d));
        }
        m = DATE_YEAR_MONTH.matcher(text);
        while (m.find()) {
            LocalDate d = date(Integer.parseInt(m.group(1)), MONTHS.get(m.group(2).toLowerCase(Locale.ROOT)).getValue(), Integer.parseInt(m.group(3)));
            if (d != null) found.add(new DateExpression(m.start(), m.end(), m.group(), d));
        }
        found.sort(Comparator.comparingInt(DateExpression::start));
        // A date of birth is never the date of an event.
        found.removeIf(d -> BIRTH.matcher(text.substring(Math.max(0, d.start() - 20), d.start())).find());
        List<DateExpression> out = new ArrayList<>();
        for (DateExpression d : found) {
            if (out.stream().noneMatch(o -> d.start() < o.end() && o.start() < d.end())) out.add(d);
        }
        return out;
    }

    /**
     * Every calendar date in the text, with those written without a year ("opened February 5 at 10:20 AM") completed by
     * the year that puts them nearest the date the document is at.
     */
    public static List<DateExpression> dates(String written, LocalDate near) {
        List<DateExpression> out = dates(written);
        if (near == null || !NumberWords.hasDigit(written)) return out;
        String text = deOcr(written);
        List<DateExpression> bare = new ArrayList<>();
        Matcher m = DATE_BARE_MONTH_DAY.matcher(text);
        while (m.find()) {
            LocalDate d = nearest(near, m.group(1), Integer.parseInt(m.group(2)));
            if (d != null) bare.add(new DateExpression(m.start(), m.end(), m.group(), d));
        }
        m = DATE_BARE_DAY_MONTH.matcher(text);
        while (m.find()) {
            LocalDate d = nearest(near, m.group(2), Integer.parseInt(m.group(1)));
            if (d != null) bare.add(new DateExpression(m.start(), m.end(), m.group(), d));
        }
        if (bare.isEmpty()) return out;
        for (DateExpression d : bare) {
            if (out.stream().noneMatch(o -> d.start() < o.end() && o.start() < d.end())
                    && !BIRTH.matcher(text.substring(Math.max(0, d.start() - 20), d.start())).find()) out.add(d);
        }
        out.sort(Comparator.comparingInt(DateExpression::start));
        return out;
    }

    private static LocalDate nearest(LocalDate near, String month, int day) {
        Month mo = MONTHS.get(month.toLowerCase(Locale.ROOT).replace(".", "").substring(0, 3));
        if (mo == null) return null;
        LocalDate best = null;
        for (int y = near.getYear() - 1; y <= near.getYear() + 1; y++) {
            LocalDate d = date(y, mo.getValue(), day);
            if (d != null && (best == null || Math.abs(d.toEpochDay() - near.toEpochDay()) < Math.abs(best.toEpochDay() - near.toEpochDay()))) best = d;
        }
        return best;
    }

    private static int year(String y) {
        int v = Integer.parseInt(y);
        return y.length() == 2 ? 2000 + v : v;
    }

    private static LocalDate date(int y, int mo, int d) {
        if (y < 1950 || y > 2100) return null;
        try {
            return LocalDate.of(y, mo, d);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
