package dev.leverage.extract;

/** How much a finding is likely to matter to the defense, most first. */
public enum Severity {
    HIGH, MEDIUM, LOW;

    public String json() {
        return name().toLowerCase();
    }
}
