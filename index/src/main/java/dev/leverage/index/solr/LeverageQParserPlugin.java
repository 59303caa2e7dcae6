package dev.leverage.index.solr;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leverage.index.InvalidQueryException;
import dev.leverage.index.search.QueryLanguage;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.schema.FieldType;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SyntaxError;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Leverage's query language on a Solr node: {@code {!leverage mode=strict}dog w/5 sniff}. The query is read by
 * {@link QueryLanguage}, the same code the embedded index runs, with the analyzers of the schema's {@code text}
 * field (Leverage's own), so a search means the same thing on both backends: it is not translated into Solr's
 * syntax, which has no w/N, no Bates keys and no person filter.
 *
 * <p>Who a person is depends on the whole case (aliases are resolved across documents), which the client knows:
 * it sends, in the request parameter {@value #PERSONS}, a JSON object from each name the query names to the page
 * keys of the pages that mention that person. Modes: {@code strict} (the query), {@code relaxed} (the pages with at
 * least half of the words typed, for words typed without operators) and {@code extra} (relaxed but not strict: the
 * pages shown after the strict hits).
 */
public class LeverageQParserPlugin extends QParserPlugin {
    public static final String NAME = "leverage";
    public static final String PERSONS = "lev.persons";
    public static final String MODE = "mode";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
        return new QParser(qstr, localParams, params, req) {
            @Override
            public Query parse() throws SyntaxError {
                Map<String, List<String>> persons = persons(params == null ? null : params.get(PERSONS));
                FieldType text = req.getSchema().getFieldType(QueryLanguage.TEXT);
                QueryLanguage language = new QueryLanguage(text.getIndexAnalyzer(), text.getQueryAnalyzer(), name -> pagesOf(persons, name));
                QueryLanguage.Parsed parsed;
                try {
                    parsed = language.parse(qstr);
                } catch (InvalidQueryException e) {
                    throw new SyntaxError(e.getMessage());
                }
                String mode = localParams == null ? "strict" : localParams.get(MODE, "strict");
                if (parsed.relaxed() == null || mode.equals("strict")) return parsed.query();
                if (mode.equals("relaxed")) return parsed.relaxed();
                if (mode.equals("extra")) {
                    return new BooleanQuery.Builder().add(parsed.relaxed(), BooleanClause.Occur.MUST)
                            .add(parsed.query(), BooleanClause.Occur.MUST_NOT).build();
                }
                throw new SyntaxError("Unknown mode \"" + mode + "\"; use strict, relaxed or extra.");
            }
        };
    }

    private static Map<String, List<String>> persons(String json) throws SyntaxError {
        if (json == null || json.isBlank()) return Map.of();
        try {
            return JSON.readValue(json, new TypeReference<Map<String, List<String>>>() {
            });
        } catch (IOException e) {
            throw new SyntaxError("The " + PERSONS + " parameter is not a JSON object of names to page keys.");
        }
    }

    /** The pages that mention the person the client resolved this name to; none when it named nobody. */
    static Query pagesOf(Map<String, List<String>> persons, String name) {
        List<String> keys = persons.get(name);
        if (keys == null || keys.isEmpty()) return new MatchNoDocsQuery("nobody called " + name);
        List<BytesRef> terms = new ArrayList<>();
        for (String k : keys) terms.add(new BytesRef(k));
        return new TermInSetQuery("page_key", terms);
    }
}
