package dev.leverage.extract.nlp;

import opennlp.tools.namefind.NameSample;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the annotated sentences the name finder is trained and evaluated on. Sentences are written untokenized
 * with OpenNLP's inline markup ({@code <START:person> Deputy Ana Ruiz <END>}); they are tokenized here with the
 * same tokenizer the finder meets at run time, so training and use see the same tokens.
 */
public final class AnnotatedSentences {
    private static final Pattern MARK = Pattern.compile("<START:([a-z_]+)> (.*?) <END>");

    /** A sentence with typed character spans. */
    public record Annotated(String text, List<Span> spans) {
    }

    private AnnotatedSentences() {
    }

    public static List<Annotated> read(InputStream in) {
        List<Annotated> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                out.add(parse(line.strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Annotated parse(String line) {
        StringBuilder text = new StringBuilder();
        List<Span> spans = new ArrayList<>();
        Matcher m = MARK.matcher(line);
        int last = 0;
        while (m.find()) {
            text.append(line, last, m.start());
            int s = text.length();
            text.append(m.group(2));
            spans.add(new Span(s, text.length(), m.group(1)));
            last = m.end();
        }
        text.append(line.substring(last));
        return new Annotated(text.toString(), spans);
    }

    /** Tokenizes an annotated sentence into a training sample, mapping character spans onto token spans. */
    public static NameSample toSample(Annotated a, TokenizerME tokenizer, boolean clearAdaptive) {
        Span[] tokens = tokenizer.tokenizePos(a.text());
        String[] words = Span.spansToStrings(tokens, a.text());
        List<Span> names = new ArrayList<>();
        for (Span s : a.spans()) {
            int from = -1, to = -1;
            for (int i = 0; i < tokens.length; i++) {
                boolean overlaps = tokens[i].getStart() < s.getEnd() && tokens[i].getEnd() > s.getStart();
                if (overlaps) {
                    if (from < 0) from = i;
                    to = i + 1;
                }
            }
            if (from >= 0) names.add(new Span(from, to, s.getType()));
        }
        // Overlapping markup (never intended) would break training: keep the first of any overlap.
        List<Span> clean = new ArrayList<>();
        for (Span n : names) {
            if (clean.stream().noneMatch(c -> c.intersects(n))) clean.add(n);
        }
        return new NameSample(words, clean.toArray(new Span[0]), clearAdaptive);
    }
}
