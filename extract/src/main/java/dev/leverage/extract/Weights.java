package dev.leverage.extract;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Weights as labs and police write them ("31.4 g", "1,250 grams", "59 lbs", "2 oz"), in grams. */
public final class Weights {
    /** A number and its unit; group 1 the number, group 2 the unit. */
    public static final Pattern WEIGHT = Pattern.compile("(?i)(\\d{1,6}(?:,\\d{3})*(?:\\.\\d+)?)\\s?(g|gm|gms|grams?|kg|kilograms?|mg|milligrams?|lbs?|pounds?|oz|ounces?)\\b");

    private Weights() {
    }

    /** A value in the unit written, in grams. */
    public static double grams(double v, String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.startsWith("kg") || u.startsWith("kilo")) return v * 1000;
        if (u.startsWith("mg") || u.startsWith("milli")) return v / 1000;
        if (u.startsWith("lb") || u.startsWith("pound")) return v * 453.59237;
        if (u.startsWith("oz") || u.startsWith("ounce")) return v * 28.349523125;
        return v;
    }

    /** The first weight written in a text, in grams, or null. */
    public static Double first(String text) {
        if (text == null) return null;
        Matcher m = WEIGHT.matcher(text);
        return m.find() ? grams(Double.parseDouble(m.group(1).replace(",", "")), m.group(2)) : null;
    }
}
