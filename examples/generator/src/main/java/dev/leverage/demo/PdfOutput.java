package dev.leverage.demo;

import dev.leverage.demo.Markup.Doc;
import dev.leverage.demo.PageLayout.Canvas;
import dev.leverage.demo.PageLayout.Face;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Iterator;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.w3c.dom.Element;

/** Writes PDFs: text PDFs in the Standard 14 fonts, and the image-only "scanned" page. */
public final class PdfOutput {

    static final String PRODUCER = "Apache PDFBox 3.0.5";

    private PdfOutput() {
    }

    /** A text PDF with a real text layer, one page per source page. */
    public static byte[] textPdf(Doc doc) throws IOException {
        PageLayout layout = new PageLayout(doc);
        Fonts fonts = Fonts.of(doc.get("font", "helvetica"));
        try (PDDocument pdf = new PDDocument()) {
            for (int i = 0; i < layout.pageCount(); i++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                pdf.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                    layout.drawPage(i, new PdfCanvas(cs, fonts));
                }
            }
            return save(pdf, doc);
        }
    }

    /**
     * The scanned page: the source rendered to a grayscale raster with Java2D, rotated slightly,
     * speckled, JPEG-compressed and placed as the only content of a one-page PDF (no text layer).
     */
    public static Scan scannedPdf(Doc doc) throws IOException {
        if (doc.pages().size() != 1) {
            throw new IllegalArgumentException(doc.source() + ": a scanned document has exactly one page");
        }
        int dpi = Integer.parseInt(doc.get("dpi", "200"));
        float scale = dpi / 72f;
        int w = Math.round(PageLayout.PAGE_W * scale);
        int h = Math.round(PageLayout.PAGE_H * scale);
        int paper = Integer.parseInt(doc.get("paper", "246"));

        BufferedImage flat = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = flat.createGraphics();
        g.setColor(new Color(paper, paper, paper));
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        new PageLayout(doc).drawPage(0, new ImageCanvas(g, scale));
        g.dispose();

        BufferedImage page = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D r = page.createGraphics();
        r.setColor(new Color(paper, paper, paper));
        r.fillRect(0, 0, w, h);
        r.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        r.rotate(Math.toRadians(Double.parseDouble(doc.get("rotate", "0.6"))), w / 2.0, h / 2.0);
        r.drawImage(flat, 0, 0, null);
        r.dispose();
        speckle(page, Long.parseLong(doc.get("seed", "25003117")), dpi);

        byte[] jpeg = jpeg(page, Float.parseFloat(doc.get("jpeg-quality", "0.6")), dpi);
        try (PDDocument pdf = new PDDocument()) {
            PDPage pdPage = new PDPage(PDRectangle.LETTER);
            pdf.addPage(pdPage);
            PDImageXObject image = JPEGFactory.createFromByteArray(pdf, jpeg);
            try (PDPageContentStream cs = new PDPageContentStream(pdf, pdPage)) {
                cs.drawImage(image, 0, 0, PageLayout.PAGE_W, PageLayout.PAGE_H);
            }
            return new Scan(save(pdf, doc), page);
        }
    }

    /** The PDF bytes and the raster that was embedded (kept for the OCR check). */
    public record Scan(byte[] pdf, BufferedImage image) {
    }

    /** Light scanner noise: dark specks, a few dust spots and faint pale dropouts, from a fixed seed. */
    private static void speckle(BufferedImage img, long seed, int dpi) {
        Random rnd = new Random(seed);
        int w = img.getWidth();
        int h = img.getHeight();
        var raster = img.getRaster();
        int specks = (int) (w * (long) h / 1400);
        for (int i = 0; i < specks; i++) {
            int x = rnd.nextInt(w);
            int y = rnd.nextInt(h);
            int v = raster.getSample(x, y, 0);
            int delta = 25 + rnd.nextInt(70);
            raster.setSample(x, y, 0, rnd.nextInt(5) == 0 ? Math.min(255, v + delta) : Math.max(0, v - delta));
        }
        int dust = 40 + rnd.nextInt(20);
        for (int i = 0; i < dust; i++) {
            int cx = rnd.nextInt(w);
            int cy = rnd.nextInt(h);
            int rad = 1 + rnd.nextInt(Math.max(2, dpi / 100));
            int gray = 70 + rnd.nextInt(90);
            for (int dy = -rad; dy <= rad; dy++) {
                for (int dx = -rad; dx <= rad; dx++) {
                    int x = cx + dx;
                    int y = cy + dy;
                    if (x >= 0 && y >= 0 && x < w && y < h && dx * dx + dy * dy <= rad * rad && rnd.nextInt(4) != 0) {
                        raster.setSample(x, y, 0, Math.min(raster.getSample(x, y, 0), gray));
                    }
                }
            }
        }
    }

    private static byte[] jpeg(BufferedImage img, float quality, int dpi) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            // Record the scan resolution in the JFIF header, as a scanner would.
            IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(img), param);
            Element tree = (Element) meta.getAsTree("javax_imageio_jpeg_image_1.0");
            Element jfif = (Element) tree.getElementsByTagName("app0JFIF").item(0);
            jfif.setAttribute("resUnits", "1");
            jfif.setAttribute("Xdensity", String.valueOf(dpi));
            jfif.setAttribute("Ydensity", String.valueOf(dpi));
            meta.setFromTree("javax_imageio_jpeg_image_1.0", tree);
            writer.write(null, new IIOImage(img, null, meta), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Saves with fixed metadata and a fixed trailer /ID so the bytes do not change between runs. */
    private static byte[] save(PDDocument pdf, Doc doc) throws IOException {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(doc.get("title"));
        info.setAuthor(doc.get("author"));
        info.setSubject(doc.get("subject"));
        info.setCreator(doc.get("creator"));
        info.setProducer(PRODUCER);
        Calendar created = calendar(doc.get("date", "2025-03-15T08:00:00-06:00"));
        info.setCreationDate(created);
        info.setModificationDate(created);
        byte[] id = md5(doc.source().getFileName().toString());
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.save(out);
        return out.toByteArray();
    }

    static Calendar calendar(String isoDateTime) {
        OffsetDateTime t = OffsetDateTime.parse(isoDateTime);
        Calendar cal = new GregorianCalendar(TimeZone.getTimeZone(t.getOffset()), Locale.ROOT);
        cal.clear();
        cal.setTimeInMillis(t.toInstant().toEpochMilli());
        return cal;
    }

    private static byte[] md5(String s) {
        try {
            return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The three faces of one Standard 14 family. */
    record Fonts(PDType1Font regular, PDType1Font bold, PDType1Font italic) {
        static Fonts of(String family) {
            return switch (family.toLowerCase(Locale.ROOT)) {
                case "helvetica" -> new Fonts(new PDType1Font(FontName.HELVETICA),
                        new PDType1Font(FontName.HELVETICA_BOLD), new PDType1Font(FontName.HELVETICA_OBLIQUE));
                case "times" -> new Fonts(new PDType1Font(FontName.TIMES_ROMAN),
                        new PDType1Font(FontName.TIMES_BOLD), new PDType1Font(FontName.TIMES_ITALIC));
                case "courier" -> new Fonts(new PDType1Font(FontName.COURIER),
                        new PDType1Font(FontName.COURIER_BOLD), new PDType1Font(FontName.COURIER_OBLIQUE));
                default -> throw new IllegalArgumentException("font must be helvetica, times or courier: " + family);
            };
        }

        PDType1Font face(Face face) {
            return switch (face) {
                case REGULAR -> regular;
                case BOLD -> bold;
                case ITALIC -> italic;
            };
        }
    }

    /** Draws on one PDF page; flips y because PDF space grows upwards. */
    static final class PdfCanvas implements Canvas {
        private final PDPageContentStream cs;
        private final Fonts fonts;

        PdfCanvas(PDPageContentStream cs, Fonts fonts) {
            this.cs = cs;
            this.fonts = fonts;
        }

        @Override
        public float width(String text, Face face, float size) throws IOException {
            return fonts.face(face).getStringWidth(text) / 1000f * size;
        }

        @Override
        public void text(String text, Face face, float size, float x, float baseline) throws IOException {
            cs.beginText();
            cs.setFont(fonts.face(face), size);
            cs.newLineAtOffset(x, PageLayout.PAGE_H - baseline);
            cs.showText(text);
            cs.endText();
        }

        @Override
        public void line(float x1, float y1, float x2, float y2, float lineWidth) throws IOException {
            cs.setLineWidth(lineWidth);
            cs.moveTo(x1, PageLayout.PAGE_H - y1);
            cs.lineTo(x2, PageLayout.PAGE_H - y2);
            cs.stroke();
        }

        @Override
        public void fill(float x, float y, float w, float h, float gray) throws IOException {
            cs.setNonStrokingColor(gray);
            cs.addRect(x, PageLayout.PAGE_H - y - h, w, h);
            cs.fill();
            cs.setNonStrokingColor(0f);
        }
    }

    /**
     * Draws on a Java2D raster. Uses the Liberation Sans font that ships inside the PDFBox jar, so
     * the scan looks the same on every machine (falls back to the JDK's SansSerif).
     */
    static final class ImageCanvas implements Canvas {
        private static final Font BASE = loadBase();
        private final Graphics2D g;
        private final float scale;
        private final FontRenderContext frc = new FontRenderContext(null, true, true);

        ImageCanvas(Graphics2D g, float scale) {
            this.g = g;
            this.scale = scale;
        }

        private static Font loadBase() {
            try (InputStream in = PDType1Font.class.getResourceAsStream(
                    "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
                if (in != null) {
                    return Font.createFont(Font.TRUETYPE_FONT, in);
                }
            } catch (IOException | FontFormatException e) {
                // fall through to the logical font
            }
            return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        }

        private Font font(Face face, float size) {
            int style = switch (face) {
                case REGULAR -> Font.PLAIN;
                case BOLD -> Font.BOLD;
                case ITALIC -> Font.ITALIC;
            };
            return BASE.deriveFont(style, size * scale);
        }

        @Override
        public float width(String text, Face face, float size) {
            Rectangle2D bounds = font(face, size).getStringBounds(text, frc);
            return (float) bounds.getWidth() / scale;
        }

        @Override
        public void text(String text, Face face, float size, float x, float baseline) {
            g.setColor(new Color(28, 28, 28));
            g.setFont(font(face, size));
            g.drawString(text, x * scale, baseline * scale);
        }

        @Override
        public void line(float x1, float y1, float x2, float y2, float lineWidth) {
            g.setColor(new Color(40, 40, 40));
            g.setStroke(new BasicStroke(Math.max(1f, lineWidth * scale)));
            g.draw(new Line2D.Float(x1 * scale, y1 * scale, x2 * scale, y2 * scale));
        }

        @Override
        public void fill(float x, float y, float w, float h, float gray) {
            int v = Math.round(gray * 255);
            g.setColor(new Color(v, v, v));
            g.fill(new Rectangle2D.Float(x * scale, y * scale, w * scale, h * scale));
        }
    }
}
