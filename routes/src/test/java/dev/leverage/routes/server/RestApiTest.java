package dev.leverage.routes.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leverage.index.Json;
import dev.leverage.routes.CaseService;
import dev.leverage.routes.CaseStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST API over a real server on a free port: tokens, per-case grants through every endpoint, upload then
 * search, originals, reports, the OpenAPI description, and the audit log those requests leave.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class RestApiTest {
    Path tmp;
    CaseStore store;
    LeverageServer server;
    HttpClient http;
    String base;
    String ann; // admin, granted alpha
    String ben; // granted bravo only
    String cat; // granted nothing

    /** The data folder the server runs on; {@link SolrRestApiTest} puts its cases on SolrCloud. */
    CaseStore newStore(Path data) throws Exception {
        return new CaseStore(data);
    }

    @BeforeAll
    void start() throws Exception {
        tmp = Files.createTempDirectory("leverage-rest-api");
        store = newStore(tmp.resolve("data"));
        Path alpha = tmp.resolve("alpha");
        Files.createDirectories(alpha);
        Files.writeString(alpha.resolve("narrative.txt"), """
                RIVERBEND POLICE DEPARTMENT - INCIDENT NARRATIVE
                On 04/02/2025 at 2210 hrs Officer Quentin Albrecht #5521 stopped a gray sedan on Mill Road.
                Officer Albrecht requested a K9 unit. The dog sniff began at 2234 hrs and the dog alerted on the trunk.
                """, StandardCharsets.UTF_8);
        Path bravo = tmp.resolve("bravo");
        Files.createDirectories(bravo);
        Files.writeString(bravo.resolve("lab.txt"), """
                STATE CRIME LABORATORY - REPORT OF ANALYSIS
                Analyst Priya Natarajan received Item 1 on 05/06/2025. Net weight 12.4 grams, cocaine identified.
                """, StandardCharsets.UTF_8);
        CaseService service = new CaseService(store);
        service.ingest(alpha, "alpha", true);
        service.ingest(bravo, "bravo", true);
        Access access = Access.open(store);
        ann = access.addUser("ann", true);
        ben = access.addUser("ben", false);
        cat = access.addUser("cat", false);
        access.grant("alpha", "ann");
        access.grant("bravo", "ben");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = LeverageServer.start(store, "127.0.0.1", port, 50L << 20);
        base = "http://127.0.0.1:" + port;
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) server.close();
    }

    HttpResponse<byte[]> get(String token, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode json(HttpResponse<byte[]> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    HttpResponse<byte[]> upload(String token, String caseId, String fileName, byte[] content) throws Exception {
        return upload(token, caseId, List.of("files"), List.of(fileName), List.of(content));
    }

    HttpResponse<byte[]> upload(String token, String caseId, List<String> fields, List<String> fileNames, List<byte[]> contents) throws Exception {
        String boundary = "----leverage" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < fileNames.size(); i++) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields.get(i) + "\"; filename=\"" + fileNames.get(i) + "\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(contents.get(i));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/cases/" + caseId + "/files")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode awaitIngest(String token, String caseId) throws Exception {
        long end = System.currentTimeMillis() + 120_000;
        JsonNode s;
        do {
            Thread.sleep(200);
            s = json(get(token, "/api/cases/" + caseId + "/ingest"));
        } while (System.currentTimeMillis() < end && !s.path("state").asText().equals("done") && !s.path("state").asText().equals("failed"));
        return s;
    }

    /** Every case-scoped read, for the isolation checks. */
    List<String> caseEndpoints(String caseId) {
        String c = "/api/cases/" + caseId;
        return List.of(c + "/search?q=dog", c + "/documents", c + "/page?document=narrative.txt&page=1", c + "/original?document=narrative.txt",
                c + "/people", c + "/witness?name=Albrecht", c + "/timeline", c + "/report?format=json", c + "/report?format=pdf", c + "/request?format=docx", c + "/ingest");
    }

    @Test
    void withoutAValidTokenEveryEndpointAnswers401() throws Exception {
        List<String> paths = new ArrayList<>(caseEndpoints("alpha"));
        paths.addAll(List.of("/api/cases", "/api/me", "/api/witness?name=Albrecht"));
        for (String p : paths) {
            HttpResponse<byte[]> none = get(null, p);
            assertEquals(401, none.statusCode(), p);
            assertTrue(json(none).path("error").asText().contains("token"), p);
            assertEquals(401, get("lev_not-a-real-token", p).statusCode(), p);
            assertEquals(401, get(ann.substring(0, ann.length() - 1) + "x", p).statusCode(), p);
        }
    }

    @Test
    void aUserOfOneCaseGetsNothingOfAnotherThroughAnyEndpoint() throws Exception {
        for (String p : caseEndpoints("alpha")) {
            HttpResponse<byte[]> r = get(ben, p);
            assertEquals(404, r.statusCode(), p);
            // the same answer as for a case that does not exist: nothing says alpha is there
            HttpResponse<byte[]> missing = get(ben, p.replace("/alpha/", "/no-such-case/"));
            assertEquals(404, missing.statusCode(), p);
            assertEquals(json(missing).path("error").asText().replace("no-such-case", "X"), json(r).path("error").asText().replace("alpha", "X"), p);
            assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("Albrecht"), p);
        }
        assertEquals(404, upload(ben, "alpha", "x.txt", "hello".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(404, get(cat, "/api/cases/bravo/search?q=cocaine").statusCode());
        // cross-case witness lookups only look in granted cases
        assertTrue(json(get(ben, "/api/witness?name=Albrecht")).path("cases").isEmpty());
        assertFalse(json(get(ann, "/api/witness?name=Albrecht")).path("cases").isEmpty());
        assertTrue(json(get(ann, "/api/witness?name=Natarajan")).path("cases").isEmpty());
        // the case list shows granted cases only
        JsonNode list = json(get(ben, "/api/cases"));
        assertEquals(1, list.size());
        assertEquals("bravo", list.get(0).path("id").asText());
        assertTrue(json(get(cat, "/api/cases")).isEmpty());
        // and the granted user gets the case
        assertEquals(200, get(ben, "/api/cases/bravo/search?q=cocaine").statusCode());
        assertTrue(json(get(ben, "/api/cases/bravo/search?q=cocaine")).path("total").asInt() >= 1);
    }

    @Test
    void aGrantTakesEffectAtOnceAndARevokeAsWell() throws Exception {
        Access access = Access.open(store);
        assertEquals(404, get(cat, "/api/cases/bravo/people").statusCode());
        access.grant("bravo", "cat");
        assertEquals(200, get(cat, "/api/cases/bravo/people").statusCode());
        access.revoke("bravo", "cat");
        assertEquals(404, get(cat, "/api/cases/bravo/people").statusCode());
    }

    @Test
    void uploadedFilesAreIngestedAndSearchable() throws Exception {
        String word = "zanzibarite";
        byte[] content = ("SUPPLEMENTAL REPORT\nOfficer Quentin Albrecht #5521 found a " + word + " crystal in the console at 2251 hrs.\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> up = upload(ann, "alpha", "../../supplement.txt", content);
        assertEquals(202, up.statusCode(), new String(up.body(), StandardCharsets.UTF_8));
        assertEquals("supplement.txt", json(up).path("files").get(0).path("savedAs").asText(), "a client's path never leaves the upload folder");
        JsonNode status = awaitIngest(ann, "alpha");
        assertEquals("done", status.path("state").asText(), status.toString());
        assertEquals(status.path("found").asInt(), status.path("done").asInt());
        JsonNode hits = json(get(ann, "/api/cases/alpha/search?q=" + word));
        assertEquals(1, hits.path("total").asInt(), hits.toString());
        JsonNode hit = hits.path("hits").get(0);
        assertEquals("supplement.txt", hit.path("document").asText());
        assertTrue(hit.path("snippet").asText().contains("«" + word + "»"), hit.toString());
        JsonNode page = json(get(ann, "/api/cases/alpha/page?document=supplement.txt&page=1"));
        assertTrue(page.path("text").asText().contains(word));
        HttpResponse<byte[]> original = get(ann, "/api/cases/alpha/original?document=supplement.txt");
        assertEquals(200, original.statusCode());
        assertArrayEquals(content, original.body());
        assertTrue(original.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"), "non-PDF originals download, never render");
        // the files ingested from the command line's folder keep their originals after an upload
        HttpResponse<byte[]> cliOriginal = get(ann, "/api/cases/alpha/original?document=narrative.txt");
        assertEquals(200, cliOriginal.statusCode(), new String(cliOriginal.body(), StandardCharsets.UTF_8));
        assertTrue(new String(cliOriginal.body(), StandardCharsets.UTF_8).contains("Quentin Albrecht"));
        // several files in one form field cannot all be read: refused whole rather than losing some
        HttpResponse<byte[]> sameField = upload(ann, "alpha", List.of("f", "f"), List.of("one.txt", "two.txt"),
                List.of("first file".getBytes(StandardCharsets.UTF_8), "second file".getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, sameField.statusCode());
        assertFalse(Files.exists(store.caseDir("alpha").resolve("uploads/one.txt")));
        // the same bytes again are not stored twice
        JsonNode again = json(upload(ann, "alpha", "supplement.txt", content));
        assertEquals("already uploaded with the same content", again.path("files").get(0).path("note").asText());
        awaitIngest(ann, "alpha");
        assertEquals(1, json(get(ann, "/api/cases/alpha/search?q=" + word)).path("total").asInt());
    }

    @Test
    void onlyAdministratorsCreateCasesAndTheCreatorIsGranted() throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/cases")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"charlie\"}"));
        assertEquals(403, http.send(b.copy().header("Authorization", "Bearer " + ben).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> made = http.send(b.copy().header("Authorization", "Bearer " + ann).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, made.statusCode(), made.body());
        assertEquals(409, http.send(b.copy().header("Authorization", "Bearer " + ann).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(base + "/api/cases")).header("Authorization", "Bearer " + ann)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"../etc\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertTrue(json(get(ann, "/api/me")).path("cases").toString().contains("charlie"));
        assertEquals(404, get(ben, "/api/cases/charlie/documents").statusCode());
    }

    @Test
    void pathsOutsideTheCaseCannotBeReached() throws Exception {
        for (String doc : List.of("../../access.json", "../audit.log", "/etc/passwd", "..%2F..%2Faccess.json", "narrative.txt/../../../access.json")) {
            HttpResponse<byte[]> r = get(ann, "/api/cases/alpha/original?document=" + enc(doc));
            assertEquals(404, r.statusCode(), doc);
            assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("tokenSha256"), doc);
        }
        for (String c : List.of("..", "..%2F..", "%2e%2e", "alpha%00")) {
            assertEquals(404, get(ann, "/api/cases/" + c + "/documents").statusCode(), c);
        }
        assertEquals(404, get(null, "/ui/..%2F..%2Faccess.json").statusCode());
    }

    @Test
    void reportsComeInEveryFormatAndErrorsAreOneSentence() throws Exception {
        HttpResponse<byte[]> pdf = get(ann, "/api/cases/alpha/report?format=pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        HttpResponse<byte[]> md = get(ann, "/api/cases/alpha/report?format=md");
        assertEquals(200, md.statusCode());
        assertTrue(new String(md.body(), StandardCharsets.UTF_8).startsWith("#"));
        JsonNode report = json(get(ann, "/api/cases/alpha/report?format=json"));
        assertTrue(report.has("findings") && report.has("timeline") && report.has("people"), report.toString());
        HttpResponse<byte[]> html = get(ann, "/api/cases/alpha/report?format=html");
        assertEquals(200, html.statusCode());
        String csp = html.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.startsWith("default-src 'none'") && !csp.contains("script"), "the HTML report may style itself but never run a script: " + csp);
        HttpResponse<byte[]> bad = get(ann, "/api/cases/alpha/report?format=docx");
        assertEquals(400, bad.statusCode());
        // the discovery request letter: Markdown by default, Word on request, and one sentence for anything else
        HttpResponse<byte[]> letter = get(ann, "/api/cases/alpha/request");
        assertEquals(200, letter.statusCode());
        assertTrue(new String(letter.body(), StandardCharsets.UTF_8).contains("request for discovery not yet produced"));
        HttpResponse<byte[]> word = get(ann, "/api/cases/alpha/request?format=docx");
        assertEquals(200, word.statusCode());
        assertEquals("PK", new String(word.body(), 0, 2, StandardCharsets.US_ASCII), "a .docx is a zip");
        assertEquals(400, get(ann, "/api/cases/alpha/request?format=pdf").statusCode());
        HttpResponse<byte[]> syntax = get(ann, "/api/cases/alpha/search?q=" + enc("\"dog sniff"));
        assertEquals(400, syntax.statusCode());
        String msg = json(syntax).path("error").asText();
        assertFalse(msg.contains("Exception") || msg.contains("\tat "), msg);
        assertEquals(400, get(ann, "/api/cases/alpha/search").statusCode(), "q is required");
        assertEquals(400, get(ann, "/api/cases/alpha/search?q=dog&limit=abc").statusCode());
    }

    @Test
    void theOpenApiDescriptionListsEveryEndpoint() throws Exception {
        HttpResponse<byte[]> r = get(null, "/api/openapi.json");
        assertEquals(200, r.statusCode());
        JsonNode doc = json(r);
        assertEquals("3.0.3", doc.path("openapi").asText());
        for (Api.Endpoint e : server.api().endpoints()) {
            assertTrue(doc.path("paths").path(e.path()).has(e.method().toLowerCase()), e.id());
        }
    }

    @Test
    void everyRequestThatTouchesACaseIsAudited() throws Exception {
        String marker = "audit" + UUID.randomUUID().toString().substring(0, 8);
        get(ann, "/api/cases/alpha/search?q=" + marker);
        get(ben, "/api/cases/alpha/documents");
        get(ann, "/api/cases/alpha/page?document=narrative.txt&page=1");
        Path log = store.root().resolve("audit.log");
        List<JsonNode> alpha = AuditLog.read(log, n -> "alpha".equals(n.path("case").asText(null)));
        assertTrue(alpha.stream().anyMatch(n -> n.path("user").asText().equals("ann") && marker.equals(n.path("query").asText()) && n.path("status").asInt() == 200),
                "ann's search is recorded with its query");
        assertTrue(alpha.stream().anyMatch(n -> n.path("user").asText().equals("ben") && n.path("status").asInt() == 404), "ben's refused attempt is recorded");
        assertTrue(alpha.stream().anyMatch(n -> "narrative.txt".equals(n.path("document").asText(null))), "the document read is recorded");
        JsonNode last = alpha.get(alpha.size() - 1);
        assertNotNull(last.path("time").asText(null));
        assertNull(AuditLog.verify(log), "the hash chain is intact");
        // an edited line breaks the chain
        Path copy = tmp.resolve("audit-copy.log");
        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        int i = lines.size() / 2;
        lines.set(i, lines.get(i).replace("\"ben\"", "\"ann\"").replace("\"ann\"", "\"cat\""));
        Files.write(copy, lines, StandardCharsets.UTF_8);
        assertNotNull(AuditLog.verify(copy));
        List<String> dropped = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        dropped.remove(1);
        Files.write(copy, dropped, StandardCharsets.UTF_8);
        assertNotNull(AuditLog.verify(copy));
    }

    @Test
    void tokensAreStoredOnlyAsHashes() throws Exception {
        String file = Files.readString(store.root().resolve("access.json"), StandardCharsets.UTF_8);
        assertFalse(file.contains(ann) || file.contains(ben) || file.contains(cat));
        assertTrue(file.contains(Access.hash(ann)));
    }
}
