package dev.leverage.extract.time;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relative phrases narratives tell time with, anchored to the event before them: "12 minutes later", "about an
 * hour later", "a few minutes later", "shortly after", "the next morning at 0815", "later that evening".
 * <p>
 * An amount written as a number is exact; a vague one takes a fixed value and is approximate: moments later,
 * shortly after, immediately after = 1 minute; a couple of minutes = 2; a few = 3; several = 5. "The next morning"
 * with no clock is 08:00 of the next day, approximate. Stateless and thread-safe.
 */
public final class RelativeTime {
    /**
     * A phrase found in a text.
     *
     * @param start       offset of the phrase
     * @param end         end offset (exclusive)
     * @param offset      the time after the anchor ("12 minutes later"), or null for a day phrase
     * @param dayShift    days after the anchor's date for a day phrase ("the next morning" 1, "later that evening" 0), or -1
     * @param defaultTime the time of day a day phrase means when no clock is written ("the next morning": 08:00), or null
     * @param approximate a vague amount or an "about"
     */
    public record Phrase(int start, int end, Duration offset, int dayShift, LocalTime defaultTime, boolean approximate) {
        /** The date-time this phrase gives against the anchor, when it needs no clock; else null. */
        public LocalDateTime from(LocalDateTime anchor) {
            if (anchor == null) return null;
            if (offset != null) return anchor.plus(offset);
            return defaultTime == null ? null : LocalDateTime.of(anchor.toLocalDate().plusDays(dayShift), defaultTime);
        }

        /** The date a day phrase moves to, against the anchor's date. */
        public LocalDate day(LocalDate anchor) {
            return dayShift < 0 || anchor == null ? null : anchor.plusDays(dayShift);
        }
    }

    private static final String NUMBER = "(\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:-five)?|thirty|forty(?:-five)?|fifty|sixty|ninety)";
    private static final String APPROX = "(approximately|approx\\.?|appx\\.?|about|around|roughly|some|nearly|almost|just\\s+over|just\\s+under|over|under|~)?\\s*";
    private static final String HOURS = "(?:hours?|hrs?\\.?)";
    private static final String MINUTES = "(?:minutes?|mins?\\.?)";
    private static final String AFTER = "(?:later|after(?:wards?)?|thereafter)";

    // "1 hr 15 min later", "an hour and 15 minutes later"
    private static final Pattern HOURS_MINUTES = Pattern.compile("(?i)(?<![\\w~])" + APPROX + NUMBER + "\\s*" + HOURS + "\\s*(?:and\\s*)?" + NUMBER + "\\s*" + MINUTES + "\\s+" + AFTER + "\\b");
    // "an hour and a half later"
    private static final Pattern HOUR_AND_HALF = Pattern.compile("(?i)(?<![\\w~])" + APPROX + NUMBER + "\\s+" + HOURS + "\\s+and\\s+a\\s+half\\s+" + AFTER + "\\b");
    // "half an hour later"
    private static final Pattern HALF_HOUR = Pattern.compile("(?i)(?<![\\w~])" + APPROX + "(?:a\\s+)?half(?:\\s+an|-an)?[\\s-]+hour\\s+" + AFTER + "\\b");
    // "12 minutes later", "two hours later", "after about 20 minutes"
    private static final Pattern AMOUNT_LATER = Pattern.compile("(?i)(?<![\\w~])" + APPROX + NUMBER + "(?:\\s*\\(\\d+\\))?[\\s-]*(" + HOURS + "|" + MINUTES + "|seconds?|secs?\\.?)\\s+" + AFTER + "\\b");
    private static final Pattern AFTER_AMOUNT = Pattern.compile("(?i)\\b(?:after|within)\\s+" + APPROX + NUMBER + "(?:\\s*\\(\\d+\\))?[\\s-]*(" + HOURS + "|" + MINUTES + ")\\b(?!\\s+(?:of|from|before))");
    private static final Pattern VAGUE = Pattern.compile("(?i)\\b(moments?\\s+later|a\\s+moment\\s+later|seconds\\s+later|shortly\\s+(?:after(?:wards?)?|thereafter)|soon\\s+(?:after(?:wards?)?|thereafter)|a\\s+short\\s+(?:time|while)\\s+later|immediately\\s+(?:after(?:wards?)?|thereafter)|"
            + "a\\s+couple(?:\\s+of)?\\s+min(?:ute)?s?\\.?\\s+later|a\\s+few\\s+min(?:ute)?s?\\.?\\s+later|several\\s+min(?:ute)?s?\\.?\\s+later)\\b");
    private static final Pattern DAY = Pattern.compile("(?i)\\b(?:(the\\s+)?(?:next|following)\\s+(morning|day|afternoon|evening|night)|later\\s+(?:that|the\\s+same)\\s+(morning|day|afternoon|evening|night)|(?:the\\s+)?next\\s+day|tomorrow\\s+(morning))\\b");

    private RelativeTime() {
    }

    /** The first relative phrase in the text, or null. */
    public static Phrase find(String text) {
        // Every phrase has one of these words; most sentences have none, and then no pattern need run.
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.contains("after") && !lower.contains("later") && !lower.contains("within") && !lower.contains("next")
                && !lower.contains("following") && !lower.contains("tomorrow")) return null;
        Phrase best = null;
        for (Phrase p : new Phrase[]{hourAndHalf(text), hoursMinutes(text), halfHour(text), amount(AMOUNT_LATER, text), amount(AFTER_AMOUNT, text), vague(text), day(text)}) {
            if (p != null && (best == null || p.start() < best.start())) best = p;
        }
        return best;
    }

    private static Phrase hoursMinutes(String text) {
        Matcher m = HOURS_MINUTES.matcher(text);
        if (!m.find()) return null;
        Integer h = number(m.group(2)), min = number(m.group(3));
        if (h == null || min == null) return null;
        return new Phrase(m.start(), m.end(), Duration.ofHours(h).plusMinutes(min), -1, null, approx(m.group(1)));
    }

    private static Phrase hourAndHalf(String text) {
        Matcher m = HOUR_AND_HALF.matcher(text);
        if (!m.find()) return null;
        Integer h = number(m.group(2));
        return h == null ? null : new Phrase(m.start(), m.end(), Duration.ofHours(h).plusMinutes(30), -1, null, approx(m.group(1)));
    }

    private static Phrase halfHour(String text) {
        Matcher m = HALF_HOUR.matcher(text);
        return m.find() ? new Phrase(m.start(), m.end(), Duration.ofMinutes(30), -1, null, approx(m.group(1))) : null;
    }

    /** "12 minutes later" (AMOUNT_LATER) or "after about 20 minutes" (AFTER_AMOUNT): approx, number, unit. */
    private static Phrase amount(Pattern p, String text) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            Integer n = number(m.group(2));
            if (n == null) continue;
            return new Phrase(m.start(), m.end(), unit(m.group(3), n), -1, null, approx(m.group(1)));
        }
        return null;
    }

    private static Phrase vague(String text) {
        Matcher m = VAGUE.matcher(text);
        if (!m.find()) return null;
        String p = m.group(1).toLowerCase(Locale.ROOT);
        int minutes = p.contains("couple") ? 2 : p.contains("few") ? 3 : p.contains("several") ? 5 : 1;
        return new Phrase(m.start(), m.end(), Duration.ofMinutes(minutes), -1, null, true);
    }

    private static Phrase day(String text) {
        Matcher m = DAY.matcher(text);
        if (!m.find()) return null;
        String whole = m.group().toLowerCase(Locale.ROOT);
        String part = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : "day";
        int shift = whole.startsWith("later") ? 0 : 1;
        LocalTime def = part.equalsIgnoreCase("morning") && shift == 1 ? LocalTime.of(8, 0) : null;
        return new Phrase(m.start(), m.end(), null, shift, def, true);
    }

    private static Duration unit(String unit, int n) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.startsWith("h")) return Duration.ofHours(n);
        if (u.startsWith("s")) return Duration.ofSeconds(n);
        return Duration.ofMinutes(n);
    }

    private static boolean approx(String g) {
        return g != null && !g.isBlank();
    }

    private static Integer number(String s) {
        return dev.leverage.extract.NumberWords.value(s);
    }
}
