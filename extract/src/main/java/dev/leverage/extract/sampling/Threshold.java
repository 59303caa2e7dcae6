package dev.leverage.extract.sampling;

/** A statutory or guideline quantity bracket for a substance, from a thresholds table. */
public record Threshold(String jurisdiction, String table, String substance, String form, double grams,
                        String consequence, String source) {
}
