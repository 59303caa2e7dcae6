package dev.leverage.routes.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leverage.index.Json;
import dev.leverage.routes.CaseStore;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.rest.RestBindingMode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * {@code leverage serve}: the REST API (Camel REST DSL on platform-http, served by Vert.x), its OpenAPI description
 * and the web page, over one data folder. Binds to 127.0.0.1 unless told otherwise.
 */
public final class LeverageServer implements AutoCloseable {
    private static final Pattern WEB_FILE = Pattern.compile("[a-z0-9][a-z0-9_-]*\\.(html|js|css|svg)");

    private final CamelContext camel;
    private final OpenCases cases;
    private final Api api;
    private final String host;
    private final int port;

    private LeverageServer(CamelContext camel, OpenCases cases, Api api, String host, int port) {
        this.camel = camel;
        this.cases = cases;
        this.api = api;
        this.host = host;
        this.port = port;
    }

    /** Starts the server; {@code maxUploadBytes} caps one request's body. */
    public static LeverageServer start(CaseStore store, String host, int port, long maxUploadBytes) throws Exception {
        Files.createDirectories(store.root());
        Path tmp = store.root().resolve("tmp-uploads");
        Files.createDirectories(tmp);
        OpenCases cases = new OpenCases(store);
        Access access = Access.open(store);
        AuditLog audit = new AuditLog(store.root().resolve("audit.log"));
        Api api = new Api(cases, access, audit);

        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindHost(host);
        conf.setBindPort(port);
        conf.setMaxBodySize(maxUploadBytes);
        conf.getBodyHandler().setHandleFileUploads(true);
        conf.getBodyHandler().setUploadsDirectory(tmp.toString());
        conf.getBodyHandler().setDeleteUploadedFilesOnEnd(true);

        CamelContext camel = new DefaultCamelContext();
        camel.addService(new VertxPlatformHttpServer(conf));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                restConfiguration().component("platform-http").bindingMode(RestBindingMode.off).clientRequestValidation(false);
                for (Api.Endpoint e : api.endpoints()) {
                    rest("/api").verb(e.method().toLowerCase(), e.path()).id(e.id()).description(e.summary()).to("direct:api-" + e.id());
                    from("direct:api-" + e.id()).routeId("api-" + e.id()).process(ex -> api.serve(e, ex));
                }
                from("platform-http:/api/openapi.json?httpMethodRestrict=GET").routeId("openapi").process(ex -> {
                    Api.json(ex, 200, OpenApi.describe(api.endpoints()));
                    Api.secure(ex);
                });
                from("platform-http:/?httpMethodRestrict=GET").routeId("web-root").process(ex -> web(ex, "index.html"));
                from("platform-http:/ui/{file}?httpMethodRestrict=GET").routeId("web").process(ex -> {
                    String uri = ex.getIn().getHeader(Exchange.HTTP_URI, String.class);
                    String path = uri == null ? "" : uri.split("\\?", 2)[0];
                    web(ex, path.substring(path.lastIndexOf('/') + 1));
                });
            }
        });
        camel.start();
        return new LeverageServer(camel, cases, api, host, port);
    }

    /** Serves one of the web page's own files from the classpath; any other name is 404. */
    private static void web(Exchange ex, String name) throws IOException {
        ex.getMessage().removeHeaders("*");
        InputStream in = WEB_FILE.matcher(name).matches() ? LeverageServer.class.getResourceAsStream("/dev/leverage/web/" + name) : null;
        if (in == null) {
            Api.error(ex, 404, "There is no such page.");
        } else {
            try (in) {
                ex.getMessage().setBody(in.readAllBytes());
            }
            ex.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            String type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : name.endsWith(".css") ? "text/css; charset=utf-8" : "image/svg+xml";
            ex.getMessage().setHeader(Exchange.CONTENT_TYPE, type);
        }
        Api.secure(ex);
    }

    public String url() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/";
    }

    public OpenCases cases() {
        return cases;
    }

    Api api() {
        return api;
    }

    @Override
    public void close() throws Exception {
        try {
            camel.close();
        } finally {
            cases.close();
        }
    }

    /** The OpenAPI 3 description, generated from the same endpoint table that builds the REST DSL. */
    static final class OpenApi {
        private OpenApi() {
        }

        static ObjectNode describe(java.util.List<Api.Endpoint> endpoints) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("openapi", "3.0.3");
            ObjectNode info = root.putObject("info");
            info.put("title", "Leverage API");
            info.put("version", "0.1.0");
            info.put("description", "Search, witnesses, timelines and leverage reports over a defense team's discovery. Every endpoint needs "
                    + "\"Authorization: Bearer TOKEN\"; a case not granted to the token's user answers 404.");
            root.putArray("servers").addObject().put("url", "/api");
            ObjectNode paths = root.putObject("paths");
            for (Api.Endpoint e : endpoints) {
                ObjectNode p = paths.has(e.path()) ? (ObjectNode) paths.get(e.path()) : paths.putObject(e.path());
                ObjectNode op = p.putObject(e.method().toLowerCase());
                op.put("operationId", e.id());
                op.put("summary", e.summary());
                ArrayNode params = op.putArray("parameters");
                java.util.regex.Matcher m = Pattern.compile("\\{([a-z]+)}").matcher(e.path());
                while (m.find()) {
                    ObjectNode pp = params.addObject();
                    pp.put("name", m.group(1));
                    pp.put("in", "path");
                    pp.put("required", true);
                    pp.putObject("schema").put("type", "string");
                }
                for (String q : e.query()) {
                    ObjectNode pp = params.addObject();
                    pp.put("name", q);
                    pp.put("in", "query");
                    pp.put("required", q.equals("q") || q.equals("name") || q.equals("document"));
                    pp.putObject("schema").put("type", q.equals("offset") || q.equals("limit") || q.equals("page") ? "integer" : "string");
                }
                if (e.method().equals("POST") && e.id().equals("upload")) {
                    op.putObject("requestBody").putObject("content").putObject("multipart/form-data").putObject("schema").put("type", "object");
                }
                ObjectNode resp = op.putObject("responses");
                resp.putObject(e.id().equals("createCase") ? "201" : e.id().equals("upload") ? "202" : "200").put("description", "OK");
                resp.putObject("400").put("description", "A bad request, explained in {\"error\"}");
                resp.putObject("401").put("description", "No valid API token");
                if (e.caseScoped()) resp.putObject("404").put("description", "No such case available to this user");
            }
            ObjectNode comps = root.putObject("components").putObject("securitySchemes").putObject("bearer");
            comps.put("type", "http");
            comps.put("scheme", "bearer");
            root.putArray("security").addObject().putArray("bearer");
            return root;
        }
    }
}
