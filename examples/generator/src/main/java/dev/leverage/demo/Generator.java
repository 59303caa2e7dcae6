package dev.leverage.demo;

import dev.leverage.demo.Markup.Doc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Renders the demo discovery cases.
 *
 * <p>For every folder {@code sources/<case>/} under the examples directory (the only argument;
 * default {@code examples}), each source file is rendered into {@code cases/<case>/}:
 * {@code .csv} files are copied as they are, {@code .txt} files are rendered according to their
 * {@code @format} setting (pdf, docx, xlsx, eml, scan). The output folder is emptied first, so
 * the case folder always holds exactly what the sources describe.
 */
public final class Generator {

    private Generator() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path examples = Path.of(args.length > 0 ? args[0] : "examples").toAbsolutePath().normalize();
        Path sources = examples.resolve("sources");
        if (!Files.isDirectory(sources)) {
            throw new IllegalArgumentException("no sources folder at " + sources);
        }
        List<Path> caseDirs;
        try (Stream<Path> s = Files.list(sources)) {
            caseDirs = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path caseDir : caseDirs) {
            Path out = examples.resolve("cases").resolve(caseDir.getFileName().toString());
            Path preview = examples.resolve("generator").resolve("target").resolve("scan-preview");
            renderCase(caseDir, out, preview);
        }
    }

    static void renderCase(Path caseDir, Path out, Path preview) throws IOException {
        clean(out);
        Files.createDirectories(out);
        List<Path> files;
        try (Stream<Path> s = Files.list(caseDir)) {
            files = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".txt") || n.endsWith(".csv");
            }).sorted().toList();
        }
        System.out.println("Case " + caseDir.getFileName() + " -> " + out);
        for (Path source : files) {
            String name = source.getFileName().toString();
            if (name.endsWith(".csv")) {
                write(out, name, Files.readAllBytes(source));
                continue;
            }
            Doc doc = Markup.read(source);
            String output = doc.get("output");
            if (output == null) {
                continue; // only embedded in another document (e.g. an e-mail attachment)
            }
            String format = doc.get("format", "pdf").toLowerCase(Locale.ROOT);
            byte[] bytes = switch (format) {
                case "pdf" -> PdfOutput.textPdf(doc);
                case "docx" -> OfficeOutput.docx(doc);
                case "xlsx" -> OfficeOutput.xlsx(doc);
                case "eml" -> eml(doc, caseDir);
                case "scan" -> {
                    PdfOutput.Scan scan = PdfOutput.scannedPdf(doc);
                    Files.createDirectories(preview);
                    String base = output.replaceAll("\\.pdf$", "");
                    ImageIO.write(scan.image(), "png", preview.resolve(base + ".png").toFile());
                    System.out.println("  (page image for an OCR check: " + preview.resolve(base + ".png") + ")");
                    yield scan.pdf();
                }
                default -> throw new IllegalArgumentException(source + ": unknown @format " + format);
            };
            String truncate = doc.get("truncate");
            if (truncate != null) {
                // A broken download: keep only the first part of a valid file.
                bytes = Arrays.copyOf(bytes, (int) (bytes.length * Double.parseDouble(truncate)));
            }
            write(out, output, bytes);
            for (String copy : doc.all("copy-to")) {
                write(out, copy, bytes);
            }
        }
    }

    private static void write(Path out, String relative, byte[] bytes) throws IOException {
        Path target = out.resolve(relative).normalize();
        if (!target.startsWith(out)) {
            throw new IllegalArgumentException("output outside the case folder: " + relative);
        }
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
        System.out.printf(Locale.ROOT, "  %-52s %8d bytes%n", relative, bytes.length);
    }

    private static void clean(Path out) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(out)) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * An RFC 822 message, MIME multipart/mixed: the source body's header lines, a text/plain part
     * with the message text and one base64 part per {@code @attach: name.pdf < source.txt}.
     */
    static byte[] eml(Doc doc, Path caseDir) throws IOException {
        String raw = doc.rawBody().strip();
        int split = raw.indexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException(doc.source() + ": e-mail needs header lines, a blank line, then the text");
        }
        List<String> headers = List.of(raw.substring(0, split).split("\n"));
        String text = raw.substring(split + 2);
        String boundary = doc.get("boundary", "=_Part_" + doc.source().getFileName().hashCode());
        String crlf = "\r\n";
        StringBuilder m = new StringBuilder();
        for (String h : headers) {
            m.append(h).append(crlf);
        }
        m.append("MIME-Version: 1.0").append(crlf);
        m.append("Content-Type: multipart/mixed;").append(crlf);
        m.append("\tboundary=\"").append(boundary).append('"').append(crlf);
        m.append(crlf);
        m.append("This is a multi-part message in MIME format.").append(crlf);
        m.append(crlf);
        m.append("--").append(boundary).append(crlf);
        m.append("Content-Type: text/plain; charset=us-ascii").append(crlf);
        m.append("Content-Transfer-Encoding: 7bit").append(crlf);
        m.append(crlf);
        for (String line : text.split("\n", -1)) {
            if (line.length() > 998 || !line.chars().allMatch(c -> c < 128)) {
                throw new IllegalArgumentException(doc.source() + ": e-mail text must be short ASCII lines: " + line);
            }
            m.append(line).append(crlf);
        }
        List<String> attachments = new ArrayList<>(doc.all("attach"));
        for (String spec : attachments) {
            String[] parts = spec.split("<");
            String fileName = parts[0].trim();
            Doc attached = Markup.read(caseDir.resolve(parts[1].trim()));
            byte[] pdf = PdfOutput.textPdf(attached);
            m.append(crlf);
            m.append("--").append(boundary).append(crlf);
            m.append("Content-Type: application/pdf; name=\"").append(fileName).append('"').append(crlf);
            m.append("Content-Transfer-Encoding: base64").append(crlf);
            m.append("Content-Disposition: attachment; filename=\"").append(fileName).append('"').append(crlf);
            m.append(crlf);
            m.append(Base64.getMimeEncoder(76, crlf.getBytes(StandardCharsets.US_ASCII)).encodeToString(pdf)).append(crlf);
        }
        m.append(crlf);
        m.append("--").append(boundary).append("--").append(crlf);
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
