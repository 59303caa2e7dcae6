package dev.leverage.routes.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leverage.index.FileRecord;
import dev.leverage.index.InvalidQueryException;
import dev.leverage.index.Json;
import dev.leverage.index.DiscoveryIndex;
import dev.leverage.index.SearchRequest;
import dev.leverage.ingest.TikaDocumentParser;
import dev.leverage.routes.CaseStore;
import dev.leverage.routes.CaseViews;
import dev.leverage.routes.UserError;
import dev.leverage.routes.report.ReportFormats;
import jakarta.activation.DataHandler;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST API's handlers. Every request is authenticated by its bearer token; every endpoint that names a case
 * checks the user's grant first and answers 404 (the same answer as for a case that does not exist) when there is
 * none; every request that touches a case is written to the audit log with its status. Answers are JSON (errors:
 * {@code {"error": "one sentence"}}) except page originals and rendered reports. Path and query parameters are read
 * from the request line itself, never from headers a client could add.
 */
public final class Api {
    private static final Logger LOG = LoggerFactory.getLogger(Api.class);

    /** An answer other than 200, with its one-sentence message. */
    static final class ApiError extends RuntimeException {
        final int status;

        ApiError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** One endpoint: it feeds both the REST DSL and the OpenAPI description. */
    public record Endpoint(String id, String method, String path, String summary, List<String> query, boolean caseScoped, Handler handler) {
    }

    /** What a handler sees. */
    record Req(Exchange exchange, Access.User user, Map<String, String> params, Map<String, String> query) {
        String param(String name) {
            return params.get(name);
        }

        String q(String name) {
            return query.get(name);
        }

        String required(String name) {
            String v = query.get(name);
            if (v == null || v.isBlank()) throw new ApiError(400, "The parameter \"" + name + "\" is missing; add ?" + name + "=... to the request.");
            return v;
        }

        int intQ(String name, int dflt) {
            String v = query.get(name);
            if (v == null || v.isBlank()) return dflt;
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                throw new ApiError(400, "The parameter \"" + name + "\" must be a whole number.");
            }
        }
    }

    @FunctionalInterface
    interface Handler {
        void handle(Req r) throws Exception;
    }

    private static final String UPLOADS = "leverage.uploads";
    private final OpenCases cases;
    private final Access access;
    private final AuditLog audit;
    private final List<Endpoint> endpoints = new ArrayList<>();

    public Api(OpenCases cases, Access access, AuditLog audit) {
        this.cases = cases;
        this.access = access;
        this.audit = audit;
        add("me", "GET", "/me", "Who the token belongs to and the cases granted to them.", List.of(), false, this::me);
        add("listCases", "GET", "/cases", "The cases granted to the user, with their ingest state.", List.of(), false, this::listCases);
        add("createCase", "POST", "/cases", "Create a case (administrators; body {\"id\": \"25-003117\"}); the creator is granted it.", List.of("id"), false, this::createCase);
        add("upload", "POST", "/cases/{case}/files", "Upload discovery files (multipart/form-data, any field name, many files); they are ingested by the same route as the command line.", List.of(), true, this::upload);
        add("ingestStatus", "GET", "/cases/{case}/ingest", "Ingest progress: state, files found and done, and what became of them.", List.of(), true, this::ingestStatus);
        add("search", "GET", "/cases/{case}/search", "Search every page with the query language; hits with document, page, Bates, score and highlighted snippet; facets.", List.of("q", "offset", "limit", "sort"), true, this::search);
        add("documents", "GET", "/cases/{case}/documents", "Every input file of the case and what became of it (indexed, duplicate, quarantined with its reason).", List.of(), true, this::documents);
        add("page", "GET", "/cases/{case}/page", "One page of a document as indexed: text, Bates, OCR flag.", List.of("document", "page"), true, this::page);
        add("original", "GET", "/cases/{case}/original", "The original file of a document, as received.", List.of("document"), true, this::original);
        add("people", "GET", "/cases/{case}/people", "The cast of the case: every person with roles, badge and mentions.", List.of(), true, this::people);
        add("witness", "GET", "/cases/{case}/witness", "Everything about one person: mentions, statements, events, inconsistencies.", List.of("name"), true, this::witness);
        add("witnessAllCases", "GET", "/witness", "The person's appearances in every case granted to the user.", List.of("name"), false, this::witnessAllCases);
        add("timeline", "GET", "/cases/{case}/timeline", "The case's sourced chronology.", List.of(), true, this::timeline);
        add("report", "GET", "/cases/{case}/report", "The leverage report as json, html, pdf or md.", List.of("format"), true, this::report);
        add("request", "GET", "/cases/{case}/request", "The discovery request letter for every record the production shows exists but lacks, by agency, as md or docx.", List.of("format"), true, this::request);
    }

    private void add(String id, String method, String path, String summary, List<String> query, boolean caseScoped, Handler h) {
        endpoints.add(new Endpoint(id, method, path, summary, query, caseScoped, h));
    }

    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /** Runs one endpoint for one exchange: authenticate, check the grant, handle, audit, answer. */
    void serve(Endpoint e, Exchange ex) {
        String method = ex.getIn().getHeader(Exchange.HTTP_METHOD, String.class);
        String uri = ex.getIn().getHeader(Exchange.HTTP_URI, String.class);
        String rawQuery = ex.getIn().getHeader(Exchange.HTTP_RAW_QUERY, String.class);
        String path = uri == null ? "" : uri.split("\\?", 2)[0];
        if (rawQuery == null && uri != null && uri.contains("?")) rawQuery = uri.substring(uri.indexOf('?') + 1);
        String auth = ex.getIn().getHeader("Authorization", String.class);
        Object remote = ex.getIn().getHeader("CamelVertxPlatformHttpRemoteAddress");
        Map<String, String> params = pathParams(e.path(), path);
        Map<String, String> query = parseQuery(rawQuery);
        String caseId = params.get("case");
        Access.User user = null;
        int status = 200;
        try {
            Integer uploads = ex.getIn().getHeader("CamelAttachmentsSize", Integer.class);
            if (uploads != null) ex.setProperty(UPLOADS, uploads);
            // what the client sent is not answered back: no request header is echoed
            ex.getMessage().removeHeaders("*", Exchange.HTTP_RESPONSE_CODE);
            if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new ApiError(401, "Sign in: send your API token as \"Authorization: Bearer TOKEN\" (an administrator creates it with `leverage user add NAME`).");
            }
            user = access.authenticate(auth.substring(7).strip())
                    .orElseThrow(() -> new ApiError(401, "That API token is not valid; ask an administrator for a new one (`leverage user token NAME`)."));
            if (e.caseScoped()) {
                if (caseId == null || !validCaseId(caseId) || !access.granted(user.name(), caseId) || !cases.store().exists(caseId)) {
                    throw new ApiError(404, "No case \"" + clip(caseId, 64) + "\" is available to you; check the case id or ask for access.");
                }
            }
            e.handler().handle(new Req(ex, user, params, query));
            Integer set = ex.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            status = set == null ? 200 : set;
        } catch (ApiError err) {
            status = err.status;
            error(ex, err.status, err.getMessage());
        } catch (UserError | InvalidQueryException err) {
            status = 400;
            error(ex, 400, err.getMessage());
        } catch (Exception err) {
            LOG.warn("{} {} failed", method, path, err);
            status = 500;
            error(ex, 500, "The server could not answer this request; try again, and if it persists check the server log.");
        }
        if (!e.id().equals("openapi")) {
            try {
                String doc = query.get("document");
                String q = query.containsKey("q") ? query.get("q") : query.containsKey("name") ? query.get("name")
                        : query.isEmpty() ? null : query.toString();
                audit.append(new AuditLog.Entry(user == null ? null : user.name(), caseId, method, e.id() + " " + path, q, doc, status,
                        remote == null ? null : remote.toString()));
            } catch (IOException io) {
                // an unrecorded read of confidential discovery is not allowed: withhold the answer
                LOG.error("Audit log write failed", io);
                error(ex, 503, "The audit log cannot be written, so nothing is served; free disk space or fix the data folder's permissions.");
            }
        }
        secure(ex);
    }

    // ---- handlers ----

    private void me(Req r) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("user", r.user().name());
        n.put("admin", r.user().admin());
        ArrayNode cs = n.putArray("cases");
        access.casesOf(r.user().name()).stream().filter(c -> cases.store().exists(c)).forEach(cs::add);
        json(r.exchange(), 200, n);
    }

    private void listCases(Req r) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (String c : access.casesOf(r.user().name())) {
            if (!cases.store().exists(c)) continue;
            ObjectNode n = out.addObject();
            n.put("id", c);
            n.set("ingest", cases.status(c));
        }
        json(r.exchange(), 200, out);
    }

    private void createCase(Req r) throws IOException {
        if (!r.user().admin()) throw new ApiError(403, "Only an administrator can create cases; ask one to create it and grant it to you.");
        String id = r.q("id");
        if (id == null) {
            try {
                String text = r.exchange().getIn().getBody(String.class);
                JsonNode body = text == null || text.isBlank() ? null : Json.MAPPER.readTree(text);
                id = body == null ? null : body.path("id").asText(null);
            } catch (Exception e) {
                throw new ApiError(400, "Send the new case as JSON: {\"id\": \"25-003117\"}.");
            }
        }
        if (id == null || !validCaseId(id)) throw new ApiError(400, "The case id is missing or not valid; use letters, digits, '.', '_' or '-' (for example 25-003117).");
        if (cases.store().exists(id)) throw new ApiError(409, "A case \"" + id + "\" already exists; choose another id.");
        cases.create(id);
        access.grant(id, r.user().name());
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("id", id);
        json(r.exchange(), 201, n);
    }

    private void upload(Req r) throws IOException {
        String caseId = r.param("case");
        AttachmentMessage am = r.exchange().getIn(AttachmentMessage.class);
        Map<String, DataHandler> files = am == null || !am.hasAttachments() ? Map.of() : am.getAttachments();
        if (files.isEmpty()) throw new ApiError(400, "No file came with the request; send the files as multipart/form-data.");
        Integer sent = r.exchange().getProperty(UPLOADS, Integer.class);
        if (sent != null && sent > files.size()) {
            // the HTTP layer keys uploads by form field, so several files in one field would silently lose all but one
            throw new ApiError(400, "Send each file in its own form field (file0, file1, ...); " + sent + " files came but only " + files.size() + " field names, so nothing was stored.");
        }
        cases.create(caseId);
        Path dir = cases.uploads(caseId);
        Files.createDirectories(dir);
        ArrayNode saved = Json.MAPPER.createArrayNode();
        for (Map.Entry<String, DataHandler> f : files.entrySet()) {
            String name = safeFileName(f.getValue().getName() != null ? f.getValue().getName() : f.getKey());
            Path tmp = Files.createTempFile(dir.getParent(), ".upload-", ".part");
            try (InputStream in = f.getValue().getInputStream()) {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            String sha = TikaDocumentParser.sha256(tmp);
            Path target = place(dir, name, sha);
            ObjectNode n = saved.addObject();
            n.put("name", f.getValue().getName());
            n.put("savedAs", dir.relativize(target == null ? dir.resolve(name) : target).toString());
            n.put("bytes", Files.size(tmp));
            if (target == null) {
                Files.delete(tmp);
                n.put("note", "already uploaded with the same content");
            } else {
                Files.move(tmp, target);
            }
        }
        cases.ingestUploads(caseId);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("files", saved);
        out.set("ingest", cases.status(caseId));
        json(r.exchange(), 202, out);
    }

    private void ingestStatus(Req r) {
        json(r.exchange(), 200, cases.status(r.param("case")));
    }

    private void search(Req r) throws Exception {
        String sort = r.q("sort") == null ? "relevance" : r.q("sort");
        if (!sort.equals("relevance") && !sort.equals("date")) throw new ApiError(400, "The sort \"" + clip(sort, 30) + "\" is not known; use sort=relevance or sort=date.");
        int offset = r.intQ("offset", 0);
        int limit = r.intQ("limit", 20);
        if (offset < 0 || limit < 1 || limit > 200) throw new ApiError(400, "offset must be at least 0 and limit between 1 and 200.");
        SearchRequest req = new SearchRequest(r.required("q"), offset, limit, sort.equals("date") ? SearchRequest.Sort.DATE : SearchRequest.Sort.RELEVANCE);
        json(r.exchange(), 200, CaseViews.search(index(r), req));
    }

    private void documents(Req r) throws IOException {
        json(r.exchange(), 200, CaseViews.documents(index(r)));
    }

    private void page(Req r) throws IOException {
        String doc = r.required("document");
        int page = r.intQ("page", 1);
        try {
            json(r.exchange(), 200, CaseViews.page(index(r), doc, page));
        } catch (UserError e) {
            throw new ApiError(404, e.getMessage());
        }
    }

    private void original(Req r) throws IOException {
        String doc = r.required("document");
        String caseId = r.param("case");
        // the document is looked up among the case's own records; only a path the index holds can be served
        Optional<FileRecord> rec = index(r).records().stream().filter(x -> doc.equals(x.path())).findFirst();
        if (rec.isEmpty()) throw new ApiError(404, "The case has no document \"" + clip(doc, 120) + "\"; take the document from a search hit or the document list.");
        Path file = cases.store().originalFile(caseId, rec.get())
                .orElseThrow(() -> new ApiError(404, "The original of \"" + clip(doc, 120) + "\" is not on the server (it was inside another file, or its folder moved); open its pages instead."));
        String name = file.getFileName().toString();
        boolean pdf = name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf");
        Exchange ex = r.exchange();
        ex.getMessage().setBody(Files.readAllBytes(file));
        ex.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        ex.getMessage().setHeader(Exchange.CONTENT_TYPE, pdf ? "application/pdf" : "application/octet-stream");
        // a PDF opens in the browser's viewer, sandboxed; anything else downloads, so no discovery file runs as this site
        ex.getMessage().setHeader("Content-Disposition", (pdf ? "inline" : "attachment") + "; filename*=UTF-8''" + urlEncode(name));
        ex.getMessage().setHeader("Content-Security-Policy", "sandbox");
    }

    private void people(Req r) throws IOException {
        json(r.exchange(), 200, CaseViews.people(index(r)));
    }

    private void witness(Req r) throws IOException {
        try {
            ArrayNode all = CaseViews.witness(index(r), r.param("case"), r.required("name"));
            json(r.exchange(), 200, all);
        } catch (UserError e) {
            throw new ApiError(404, e.getMessage());
        }
    }

    private void witnessAllCases(Req r) throws IOException {
        String name = r.required("name");
        String user = r.user().name();
        ObjectNode out = CaseViews.allCases(cases.store(), name, c -> access.granted(user, c), (c, work) -> work.run(cases.index(c)));
        json(r.exchange(), 200, out);
    }

    private void timeline(Req r) throws IOException {
        JsonNode report = reportOf(r);
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("case", r.param("case"));
        n.set("timeline", report.path("timeline"));
        json(r.exchange(), 200, n);
    }

    private void report(Req r) throws IOException {
        String format = r.q("format") == null ? "json" : r.q("format");
        JsonNode report = reportOf(r);
        byte[] body = ReportFormats.render(report, format);
        Exchange ex = r.exchange();
        ex.getMessage().setBody(body);
        ex.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        ex.getMessage().setHeader(Exchange.CONTENT_TYPE, ReportFormats.contentType(format));
        if (format.equals("html")) {
            // the stand-alone report carries its own styles and no script: allow the one, never the other
            ex.getMessage().setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'");
        }
        if (!format.equals("json") && !format.equals("html")) {
            ex.getMessage().setHeader("Content-Disposition", "attachment; filename=\"leverage-" + r.param("case") + "." + ReportFormats.extension(format) + "\"");
        }
    }

    private void request(Req r) throws IOException {
        String format = dev.leverage.routes.report.DiscoveryRequest.format(r.q("format"));
        byte[] body = dev.leverage.routes.report.DiscoveryRequest.of(reportOf(r)).render(format);
        Exchange ex = r.exchange();
        ex.getMessage().setBody(body);
        ex.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        ex.getMessage().setHeader(Exchange.CONTENT_TYPE, dev.leverage.routes.report.DiscoveryRequest.contentType(format));
        ex.getMessage().setHeader("Content-Disposition", "attachment; filename=\"discovery-request-" + r.param("case") + "." + format + "\"");
    }

    private JsonNode reportOf(Req r) throws IOException {
        try {
            return CaseViews.report(index(r), r.param("case"));
        } catch (UserError e) {
            throw new ApiError(409, "Case " + r.param("case") + " has not been analysed yet; upload its files and wait for the ingest to finish.");
        }
    }

    private DiscoveryIndex index(Req r) throws IOException {
        return cases.index(r.param("case"));
    }

    // ---- plumbing ----

    static void json(Exchange ex, int status, JsonNode body) {
        try {
            ex.getMessage().setBody(Json.MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ex.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        ex.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
    }

    static void error(Exchange ex, int status, String message) {
        ex.getMessage().removeHeaders("*");
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("error", message);
        json(ex, status, n);
        if (status == 401) ex.getMessage().setHeader("WWW-Authenticate", "Bearer realm=\"leverage\"");
    }

    static void secure(Exchange ex) {
        ex.getMessage().setHeader("X-Content-Type-Options", "nosniff");
        ex.getMessage().setHeader("Cache-Control", "no-store");
        ex.getMessage().setHeader("Referrer-Policy", "no-referrer");
        ex.getMessage().setHeader("X-Frame-Options", "DENY");
        if (ex.getMessage().getHeader("Content-Security-Policy") == null) {
            ex.getMessage().setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        }
    }

    static boolean validCaseId(String id) {
        try {
            CaseStore.checkCaseId(id);
            return true;
        } catch (UserError e) {
            return false;
        }
    }

    /** Matches a template such as /cases/{case}/search against the request path's last segments. */
    static Map<String, String> pathParams(String template, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] t = template.split("/");
        String[] p = path.split("/");
        int off = p.length - t.length;
        if (off < 0) return out;
        for (int i = 1; i < t.length; i++) {
            if (t[i].startsWith("{") && t[i].endsWith("}")) out.put(t[i].substring(1, t[i].length() - 1), URLDecoder.decode(p[off + i], StandardCharsets.UTF_8));
        }
        return out;
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String part : raw.split("&")) {
            if (part.isEmpty()) continue;
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}<>:\"|?*\\\\/]");

    /** The last segment of a client's file name, without separators, control characters or a leading dot. */
    static String safeFileName(String name) {
        String n = name == null ? "" : name;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = UNSAFE.matcher(n).replaceAll("_").strip();
        while (n.startsWith(".")) n = n.substring(1);
        if (n.isEmpty()) n = "upload";
        if (n.length() > 180) {
            int dot = n.lastIndexOf('.');
            String ext = dot > 0 && n.length() - dot <= 10 ? n.substring(dot) : "";
            n = n.substring(0, 180 - ext.length()) + ext;
        }
        return n;
    }

    /** Where an upload goes: its own name, or "name (2).ext" beside a different file; null when the same bytes are there. */
    private static Path place(Path dir, String name, String sha) throws IOException {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 1; i < 10_000; i++) {
            Path c = dir.resolve(i == 1 ? name : base + " (" + i + ")" + ext).normalize();
            if (!c.getParent().equals(dir.normalize())) throw new ApiError(400, "That file name cannot be stored; rename the file and upload it again.");
            if (!Files.exists(c)) return c;
            if (sha.equals(TikaDocumentParser.sha256(c))) return null;
        }
        throw new ApiError(409, "Too many files are called \"" + name + "\"; rename the file and upload it again.");
    }

    private static String urlEncode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String clip(String s, int n) {
        if (s == null) return "";
        Matcher m = Pattern.compile("\\p{Cntrl}").matcher(s);
        s = m.replaceAll("");
        return s.length() <= n ? s : s.substring(0, n) + "...";
    }
}
