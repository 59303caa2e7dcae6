package dev.leverage.extract.sampling;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Quantity thresholds kept in data, not code: the federal table ships with Leverage, and a team adds its state's
 * by dropping a CSV of the same columns (jurisdiction,table,substance,form,grams,consequence,source) in the data
 * folder's thresholds/ directory.
 */
public final class Thresholds {
    private final List<Threshold> rows;

    private Thresholds(List<Threshold> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The shipped federal table plus every CSV in extraDir (may be null or missing). */
    public static Thresholds load(Path extraDir) {
        List<Threshold> rows = new ArrayList<>();
        try (InputStream in = Thresholds.class.getResourceAsStream("thresholds.csv")) {
            rows.addAll(read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (extraDir != null && Files.isDirectory(extraDir)) {
            try (Stream<Path> files = Files.list(extraDir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(f)) {
                        rows.addAll(read(in));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the thresholds in " + extraDir + " could not be read", e);
            }
        }
        return new Thresholds(rows);
    }

    static List<Threshold> read(InputStream in) throws IOException {
        List<Threshold> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("jurisdiction,")) continue;
            String[] f = line.split(",", 7);
            if (f.length < 7) continue;
            try {
                out.add(new Threshold(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), Double.parseDouble(f[4].strip()),
                        f[5].strip(), f[6].strip()));
            } catch (NumberFormatException e) {
                // a malformed row is skipped, the rest of the table stands
            }
        }
        return out;
    }

    /** Mixture thresholds for a substance, lowest first. */
    public List<Threshold> forSubstance(String substance) {
        String s = substance.toLowerCase(Locale.ROOT);
        return rows.stream().filter(t -> t.substance().equalsIgnoreCase(s) && t.form().equalsIgnoreCase("mixture"))
                .sorted(Comparator.comparingDouble(Threshold::grams)).toList();
    }

    /** Every substance name the tables know, longest first (so "cocaine base" is found before "cocaine"). */
    public List<String> substances() {
        return rows.stream().map(t -> t.substance().toLowerCase(Locale.ROOT)).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public List<Threshold> all() {
        return rows;
    }
}
