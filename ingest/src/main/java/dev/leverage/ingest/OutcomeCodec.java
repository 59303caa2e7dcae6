package dev.leverage.ingest;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire format between the ingest process and a parser process: a {@link ParseOutcome} written field by field.
 * Deliberately not Java serialization: the parser process reads hostile files, so what it sends back is read as
 * plain data, never as objects it may choose.
 */
final class OutcomeCodec {
    private static final int PARSED = 1, QUARANTINED = 2;
    /** Sanity bound on any one string (a page's text is bounded by the write limit). */
    private static final int MAX_STRING_BYTES = 256 << 20;

    private OutcomeCodec() {
    }

    static void write(DataOutputStream out, ParseOutcome outcome) throws IOException {
        if (outcome instanceof ParseOutcome.Quarantined q) {
            out.writeByte(QUARANTINED);
            str(out, q.record().path());
            str(out, q.record().sha256());
            str(out, q.record().reason());
            return;
        }
        ParseOutcome.Parsed p = (ParseOutcome.Parsed) outcome;
        out.writeByte(PARSED);
        out.writeInt(p.documents().size());
        for (Document d : p.documents()) {
            str(out, d.id());
            str(out, d.path());
            str(out, d.sha256());
            str(out, d.type());
            str(out, d.mediaType());
            str(out, d.parentId());
            out.writeInt(d.metadata().size());
            for (Map.Entry<String, String> e : d.metadata().entrySet()) {
                str(out, e.getKey());
                str(out, e.getValue());
            }
            out.writeInt(d.pages().size());
            for (Page page : d.pages()) {
                out.writeInt(page.number());
                str(out, page.text());
                str(out, page.bates());
                out.writeBoolean(page.ocr());
                out.writeDouble(page.ocrConfidence() == null ? Double.NaN : page.ocrConfidence());
                out.writeInt(page.tables().size());
                for (Page.Table t : page.tables()) {
                    out.writeInt(t.rows().size());
                    for (List<String> row : t.rows()) {
                        out.writeInt(row.size());
                        for (String cell : row) str(out, cell);
                    }
                }
            }
        }
        out.writeInt(p.warnings().size());
        for (String w : p.warnings()) str(out, w);
    }

    static ParseOutcome read(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        if (tag == QUARANTINED) return new ParseOutcome.Quarantined(new Quarantine(str(in), str(in), str(in)));
        if (tag != PARSED) throw new StreamCorruptedException("unknown outcome tag " + tag);
        int nd = count(in);
        List<Document> docs = new ArrayList<>(nd);
        for (int i = 0; i < nd; i++) {
            String id = str(in), path = str(in), sha = str(in), type = str(in), media = str(in), parent = str(in);
            int nm = count(in);
            Map<String, String> meta = new LinkedHashMap<>();
            for (int k = 0; k < nm; k++) meta.put(str(in), str(in));
            int np = count(in);
            List<Page> pages = new ArrayList<>(np);
            for (int k = 0; k < np; k++) {
                int number = in.readInt();
                String text = str(in), bates = str(in);
                boolean ocr = in.readBoolean();
                double conf = in.readDouble();
                int nt = count(in);
                List<Page.Table> tables = new ArrayList<>(nt);
                for (int t = 0; t < nt; t++) {
                    int nr = count(in);
                    List<List<String>> rows = new ArrayList<>(nr);
                    for (int r = 0; r < nr; r++) {
                        int nc = count(in);
                        List<String> row = new ArrayList<>(nc);
                        for (int c = 0; c < nc; c++) row.add(str(in));
                        rows.add(row);
                    }
                    tables.add(new Page.Table(rows));
                }
                pages.add(new Page(number, text, bates, ocr, Double.isNaN(conf) ? null : conf, tables));
            }
            docs.add(new Document(id, path, sha, type, media, meta, pages, parent));
        }
        int nw = count(in);
        List<String> warnings = new ArrayList<>(nw);
        for (int i = 0; i < nw; i++) warnings.add(str(in));
        return new ParseOutcome.Parsed(docs, warnings);
    }

    static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) return null;
        if (n < 0 || n > MAX_STRING_BYTES) throw new StreamCorruptedException("string of " + n + " bytes");
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 10_000_000) throw new StreamCorruptedException("count " + n);
        return n;
    }
}
