package dev.leverage.index;

import dev.leverage.extract.people.Person;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts of the pages a search matched, by document type, by person mentioned (resolved across aliases) and by
 * month of the events they tell. Read from doc values over every match, not only the page of hits shown.
 */
final class Facets {
    static final int TOP_PEOPLE = 20;
    final Map<String, Long> types = new HashMap<>();
    final Map<String, Long> people = new HashMap<>();
    final Map<String, Long> months = new TreeMap<>();

    Map<String, Map<String, Long>> toMap(CaseCast cast) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        out.put("type", byCount(types, Integer.MAX_VALUE));
        Map<String, Long> named = new LinkedHashMap<>();
        for (var e : byCount(people, TOP_PEOPLE).entrySet()) {
            Person p = cast.person(e.getKey());
            String label = p == null ? e.getKey() : p.name() + (p.badge() == null ? "" : " #" + p.badge());
            named.merge(label, e.getValue(), Long::sum);
        }
        out.put("person", named);
        out.put("date", new LinkedHashMap<>(months));
        return out;
    }

    private static Map<String, Long> byCount(Map<String, Long> counts, int top) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Collects the counts, one collector per search thread, merged at the end. */
    static final class Counter implements CollectorManager<Counter.PageCollector, Facets> {
        private final CaseCast cast;

        Counter(CaseCast cast) {
            this.cast = cast;
        }

        @Override
        public PageCollector newCollector() {
            return new PageCollector(cast);
        }

        @Override
        public Facets reduce(Collection<PageCollector> collectors) {
            Facets f = new Facets();
            for (PageCollector c : collectors) {
                c.facets.types.forEach((k, v) -> f.types.merge(k, v, Long::sum));
                c.facets.people.forEach((k, v) -> f.people.merge(k, v, Long::sum));
                c.facets.months.forEach((k, v) -> f.months.merge(k, v, Long::sum));
            }
            return f;
        }

        static final class PageCollector extends SimpleCollector {
            final Facets facets = new Facets();
            private final CaseCast cast;
            private SortedDocValues type, pageKey;
            private SortedNumericDocValues dates;

            PageCollector(CaseCast cast) {
                this.cast = cast;
            }

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                type = DocValues.getSorted(context.reader(), LuceneDiscoveryIndex.TYPE);
                pageKey = DocValues.getSorted(context.reader(), LuceneDiscoveryIndex.PAGE_KEY);
                dates = DocValues.getSortedNumeric(context.reader(), dev.leverage.index.search.QueryLanguage.DATE);
            }

            @Override
            public void collect(int doc) throws IOException {
                if (type.advanceExact(doc)) facets.types.merge(type.lookupOrd(type.ordValue()).utf8ToString(), 1L, Long::sum);
                if (pageKey.advanceExact(doc)) {
                    for (String person : cast.peopleOn(pageKey.lookupOrd(pageKey.ordValue()).utf8ToString())) facets.people.merge(person, 1L, Long::sum);
                }
                if (dates.advanceExact(doc)) {
                    Set<String> seen = new LinkedHashSet<>();
                    for (int i = 0; i < dates.docValueCount(); i++) seen.add(LocalDate.ofEpochDay(dates.nextValue()).toString().substring(0, 7));
                    for (String m : seen) facets.months.merge(m, 1L, Long::sum);
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }
    }
}
