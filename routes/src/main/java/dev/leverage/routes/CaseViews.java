package dev.leverage.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leverage.extract.DocumentFacts;
import dev.leverage.extract.people.Person;
import dev.leverage.index.CaseCast;
import dev.leverage.index.DiscoveryIndex;
import dev.leverage.index.FileRecord;
import dev.leverage.index.InvalidQueryException;
import dev.leverage.index.Json;
import dev.leverage.index.SearchHit;
import dev.leverage.index.SearchRequest;
import dev.leverage.index.SearchResult;
import dev.leverage.ingest.Page;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The JSON views of a case that the command line ({@code --json}) and the REST server both answer with, built in one
 * place so that the two never drift apart.
 */
public final class CaseViews {
    private CaseViews() {
    }

    /** {@code {"hits": [...], "facets": {...}, "total", "offset", "jump"?}}. */
    public static ObjectNode search(DiscoveryIndex index, SearchRequest request) throws IOException, InvalidQueryException {
        SearchResult r = index.search(request);
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode hits = root.putArray("hits");
        for (SearchHit h : r.hits()) hits.add(hit(h));
        root.set("facets", Json.MAPPER.valueToTree(r.facets()));
        root.put("total", r.total());
        root.put("offset", request.offset());
        if (r.jump() != null) root.set("jump", hit(r.jump()));
        return root;
    }

    public static ObjectNode hit(SearchHit h) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("document", h.document());
        n.put("page", h.page());
        if (h.bates() == null) n.putNull("bates");
        else n.put("bates", h.bates());
        n.put("type", h.type());
        n.put("score", h.score());
        n.put("snippet", h.snippet());
        if (h.date() == null) n.putNull("date");
        else n.put("date", h.date());
        n.put("ocr", h.ocr());
        if (h.ocrConfidence() != null) n.put("ocr_confidence", Math.round(h.ocrConfidence() * 1000) / 1000.0);
        n.put("partial", h.partial());
        return n;
    }

    /** One witness view per person the name matches in the case; a name nobody matches is a user error. */
    public static ArrayNode witness(DiscoveryIndex index, String caseId, String name) throws IOException {
        CaseCast cast = index.cast();
        List<Person> people = cast.lookup(name);
        if (people.isEmpty()) {
            throw new UserError("Nobody called \"" + name + "\" is mentioned in case " + caseId + "; try the surname alone or list the case's people.");
        }
        List<DocumentFacts> facts = index.facts();
        ArrayNode all = Json.MAPPER.createArrayNode();
        for (Person p : people) all.add(WitnessView.of(p, cast, facts, index));
        return all;
    }

    /** The cast: every person with roles, badge and mention count. */
    public static ArrayNode people(DiscoveryIndex index) throws IOException {
        ArrayNode all = Json.MAPPER.createArrayNode();
        for (Person p : index.cast().people()) all.add(Json.MAPPER.valueToTree(p));
        return all;
    }

    /** Every page of one document as indexed, with its record. */
    public static ObjectNode page(DiscoveryIndex index, String document, int number) throws IOException {
        Page p = index.page(document, number).orElseThrow(() -> new UserError("There is no page " + number + " of \"" + document
                + "\" in this case; take the document and page from a search hit or a citation."));
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("document", document);
        n.put("page", number);
        if (p.bates() == null) n.putNull("bates");
        else n.put("bates", p.bates());
        n.put("ocr", p.ocr());
        if (p.ocrConfidence() != null) n.put("ocr_confidence", Math.round(p.ocrConfidence() * 1000) / 1000.0);
        n.put("text", p.text());
        index.records().stream().filter(r -> document.equals(r.path())).findFirst().ifPresent(r -> {
            n.put("pages", r.pages());
            n.put("type", r.type());
        });
        return n;
    }

    /** The case's files: every input file with what became of it. */
    public static ArrayNode documents(DiscoveryIndex index) throws IOException {
        ArrayNode all = Json.MAPPER.createArrayNode();
        for (FileRecord r : index.records()) all.add(Json.MAPPER.valueToTree(r));
        return all;
    }

    /**
     * The person's appearances in every case {@code visible} admits (the CLI admits every case in the data folder;
     * the server only the cases granted to the user, so that a lookup never reveals another case).
     */
    public static ObjectNode allCases(CaseStore store, String name, Predicate<String> visible, CaseOpener opener) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("name", name);
        ArrayNode found = root.putArray("cases");
        for (String c : store.cases()) {
            if (!visible.test(c)) continue;
            opener.with(c, index -> {
                CaseCast cast = index.cast();
                for (Person p : cast.lookup(name)) {
                    ObjectNode n = found.addObject();
                    n.put("case", c);
                    n.set("person", Json.MAPPER.valueToTree(p));
                    ArrayNode docs = n.putArray("documents");
                    Set<String> seen = new LinkedHashSet<>();
                    for (String page : cast.pagesOf(p.key())) {
                        String doc = page.substring(0, page.lastIndexOf('#'));
                        if (seen.add(doc)) docs.add(doc);
                    }
                }
            });
        }
        return root;
    }

    /** Gives a case's open index to some work: the CLI opens and closes it, the server lends the one it keeps open. */
    public interface CaseOpener {
        void with(String caseId, IndexWork work) throws IOException;
    }

    public interface IndexWork {
        void run(DiscoveryIndex index) throws IOException;
    }

    /** Opens each case for the work and closes it after (the command line's way). */
    public static CaseOpener opening(CaseStore store) {
        return (caseId, work) -> {
            try (DiscoveryIndex index = store.open(caseId)) {
                work.run(index);
            }
        };
    }

    /** The stored report of an analysed case. */
    public static JsonNode report(DiscoveryIndex index, String caseId) throws IOException {
        String json = index.analysis().orElseThrow(() -> new UserError("Case " + caseId + " has not been analysed yet; run `leverage analyze FOLDER --case " + caseId + "`."));
        return Json.MAPPER.readTree(json);
    }
}
