package dev.leverage.demo;

import dev.leverage.demo.Markup.Aligned;
import dev.leverage.demo.Markup.Block;
import dev.leverage.demo.Markup.Doc;
import dev.leverage.demo.Markup.Heading;
import dev.leverage.demo.Markup.Label;
import dev.leverage.demo.Markup.Literal;
import dev.leverage.demo.Markup.Para;
import dev.leverage.demo.Markup.Rule;
import dev.leverage.demo.Markup.Run;
import dev.leverage.demo.Markup.Signature;
import dev.leverage.demo.Markup.Space;
import dev.leverage.demo.Markup.Table;
import dev.leverage.demo.Markup.Title;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ooxml.POIXMLDocument;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/** Writes the Word (XWPF) and Excel (XSSF) documents from the same source markup as the PDFs. */
public final class OfficeOutput {

    private OfficeOutput() {
    }

    // ---------------------------------------------------------------- DOCX

    public static byte[] docx(Doc doc) throws IOException {
        String font = switch (doc.get("font", "helvetica").toLowerCase(Locale.ROOT)) {
            case "times" -> "Times New Roman";
            case "courier" -> "Courier New";
            default -> "Arial";
        };
        double size = Double.parseDouble(doc.get("size", "10.5"));
        try (XWPFDocument d = new XWPFDocument()) {
            CTSectPr sect = d.getDocument().getBody().addNewSectPr();
            CTPageSz pageSize = sect.addNewPgSz();
            pageSize.setW(BigInteger.valueOf(12240));
            pageSize.setH(BigInteger.valueOf(15840));
            CTPageMar margins = sect.addNewPgMar();
            margins.setLeft(BigInteger.valueOf(1080));
            margins.setRight(BigInteger.valueOf(1080));
            margins.setTop(BigInteger.valueOf(1080));
            margins.setBottom(BigInteger.valueOf(1080));
            margins.setHeader(BigInteger.valueOf(540));
            margins.setFooter(BigInteger.valueOf(540));

            XWPFHeaderFooterPolicy policy = d.createHeaderFooterPolicy();
            String bates = PageLayout.bates(doc.get("bates"), 0);
            if (doc.get("header") != null) {
                threeParts(policy.createHeader(XWPFHeaderFooterPolicy.DEFAULT), doc.get("header"), bates, font, size - 1.5);
            }
            threeParts(policy.createFooter(XWPFHeaderFooterPolicy.DEFAULT), doc.get("footer", "||{bates}"), bates, font, size - 1.5);

            boolean first = true;
            for (List<Block> page : doc.pages()) {
                if (!first) {
                    d.createParagraph().createRun().addBreak(BreakType.PAGE);
                }
                first = false;
                for (Block block : page) {
                    docxBlock(d, block, font, size);
                }
            }
            coreProperties(d, doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            d.write(out);
            return normalizeZip(out.toByteArray(), doc);
        }
    }

    /** Header or footer "left | center | right": one paragraph per part, aligned; the Bates number bold. */
    private static void threeParts(XWPFHeaderFooter hf, String spec, String bates, String font, double size) {
        String[] parts = spec.replace("{bates}", bates).replace("{page}", "1").replace("{pages}", "1").split("\\|", -1);
        ParagraphAlignment[] align = {ParagraphAlignment.LEFT, ParagraphAlignment.CENTER, ParagraphAlignment.RIGHT};
        boolean usedFirst = false;
        for (int i = 0; i < parts.length && i < 3; i++) {
            String text = parts[i].trim();
            if (text.isEmpty()) {
                continue;
            }
            XWPFParagraph p = !usedFirst && !hf.getParagraphs().isEmpty() ? hf.getParagraphs().get(0) : hf.createParagraph();
            usedFirst = true;
            p.setAlignment(align[i]);
            p.setSpacingAfter(0);
            XWPFRun r = p.createRun();
            r.setText(text);
            r.setFontFamily(font);
            boolean isBates = text.equals(bates);
            r.setBold(isBates);
            r.setFontSize(isBates ? size + 1.5 : size);
        }
    }

    private static void docxBlock(XWPFDocument d, Block block, String font, double size) {
        if (block instanceof Title t) {
            XWPFParagraph p = d.createParagraph();
            p.setAlignment(ParagraphAlignment.CENTER);
            p.setSpacingAfter(60);
            addRuns(p, List.of(new Run(Markup.plain(t.text()), true)), font, size + 3.5);
        } else if (block instanceof Heading h) {
            XWPFParagraph p = d.createParagraph();
            p.setSpacingBefore(200);
            p.setSpacingAfter(80);
            p.setBorderBottom(Borders.SINGLE);
            addRuns(p, List.of(new Run(Markup.plain(h.text()), true)), font, size + 1);
        } else if (block instanceof Label l) {
            XWPFParagraph p = d.createParagraph();
            p.setSpacingBefore(120);
            p.setSpacingAfter(0);
            addRuns(p, List.of(new Run(Markup.plain(l.text()), true)), font, size);
        } else if (block instanceof Para para) {
            XWPFParagraph p = d.createParagraph();
            p.setSpacingAfter(120);
            addRuns(p, Markup.runs(para.text()), font, size);
        } else if (block instanceof Literal lit) {
            XWPFParagraph p = d.createParagraph();
            p.setSpacingAfter(0);
            addRuns(p, Markup.runs(lit.text()), font, size);
        } else if (block instanceof Aligned a) {
            XWPFParagraph p = d.createParagraph();
            p.setSpacingAfter(0);
            p.setAlignment(a.center() ? ParagraphAlignment.CENTER : ParagraphAlignment.RIGHT);
            addRuns(p, Markup.runs(a.text()), font, size);
        } else if (block instanceof Rule) {
            XWPFParagraph p = d.createParagraph();
            p.setSpacingAfter(60);
            p.setBorderBottom(Borders.SINGLE);
        } else if (block instanceof Space) {
            d.createParagraph().setSpacingAfter(0);
        } else if (block instanceof Signature s) {
            List<String> lines = new ArrayList<>(s.lines());
            XWPFParagraph gap = d.createParagraph();
            gap.setSpacingBefore(240);
            gap.setSpacingAfter(0);
            if (!lines.isEmpty() && lines.get(0).startsWith("/s/")) {
                XWPFRun r = gap.createRun();
                r.setText("    " + lines.remove(0));
                r.setItalic(true);
                r.setFontFamily("Times New Roman");
                r.setFontSize(size + 2);
            }
            XWPFParagraph line = d.createParagraph();
            line.setSpacingAfter(0);
            addRuns(line, List.of(new Run("________________________________________", false)), font, size);
            for (String text : lines) {
                XWPFParagraph p = d.createParagraph();
                p.setSpacingAfter(0);
                addRuns(p, Markup.runs(text), font, size - 0.5);
            }
        } else if (block instanceof Table t) {
            int cols = t.rows().stream().mapToInt(List::size).max().orElse(1);
            XWPFTable table = d.createTable(t.rows().size(), cols);
            table.setWidth("100%");
            for (int r = 0; r < t.rows().size(); r++) {
                boolean head = t.header() && r == 0;
                List<String> row = t.rows().get(r);
                for (int c = 0; c < cols; c++) {
                    XWPFTableCell cell = table.getRow(r).getCell(c);
                    String text = c < row.size() ? row.get(c) : "";
                    XWPFParagraph p = cell.getParagraphs().get(0);
                    p.setSpacingAfter(0);
                    addRuns(p, head ? List.of(new Run(Markup.plain(text), true)) : Markup.runs(text), font, size - 0.5);
                    if (head) {
                        cell.setColor("D9D9D9");
                    }
                }
            }
            d.createParagraph().setSpacingAfter(0);
        } else {
            throw new IllegalArgumentException("unknown block " + block);
        }
    }

    private static void addRuns(XWPFParagraph p, List<Run> runs, String font, double size) {
        for (Run run : runs) {
            XWPFRun r = p.createRun();
            r.setText(run.text());
            r.setBold(run.bold());
            r.setFontFamily(font);
            r.setFontSize(size);
        }
    }

    // ---------------------------------------------------------------- XLSX

    public static byte[] xlsx(Doc doc) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet(doc.get("sheet", "Sheet1"));
            List<String> numeric = Arrays.asList(doc.get("numeric-columns", "").split("\\s*,\\s*"));
            Table table = null;
            for (List<Block> page : doc.pages()) {
                for (Block b : page) {
                    if (b instanceof Table t && table == null) {
                        table = t;
                    }
                }
            }
            if (table == null || !table.header()) {
                throw new IllegalArgumentException(doc.source() + ": an xlsx source needs one table with a header row");
            }
            int cols = table.rows().get(0).size();

            XSSFCellStyle titleStyle = style(wb, true, 14, false, false);
            XSSFCellStyle textStyle = style(wb, false, 10, false, false);
            XSSFCellStyle labelStyle = style(wb, true, 10, false, false);
            XSSFCellStyle headStyle = style(wb, true, 10, true, true);
            headStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            headStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            headStyle.setAlignment(HorizontalAlignment.CENTER);
            XSSFCellStyle cellStyle = style(wb, false, 10, true, true);
            cellStyle.setDataFormat(wb.createDataFormat().getFormat("@"));
            XSSFCellStyle numberStyle = style(wb, false, 10, true, false);
            numberStyle.setAlignment(HorizontalAlignment.RIGHT);

            int[] widthChars = new int[cols];
            for (List<String> row : table.rows()) {
                for (int c = 0; c < cols; c++) {
                    String v = c < row.size() ? Markup.plain(row.get(c)) : "";
                    widthChars[c] = Math.min(34, Math.max(widthChars[c], v.length() + 2));
                }
            }
            for (int c = 0; c < cols; c++) {
                sheet.setColumnWidth(c, Math.max(8, widthChars[c]) * 256);
            }

            int rowIndex = 0;
            int headerRow = -1;
            for (List<Block> page : doc.pages()) {
                for (Block b : page) {
                    if (b instanceof Table t) {
                        for (int r = 0; r < t.rows().size(); r++) {
                            boolean head = r == 0 && t.header();
                            XSSFRow row = sheet.createRow(rowIndex);
                            int lines = 1;
                            for (int c = 0; c < cols; c++) {
                                String v = c < t.rows().get(r).size() ? Markup.plain(t.rows().get(r).get(c)) : "";
                                XSSFCell cell = row.createCell(c);
                                String column = Markup.plain(t.rows().get(0).get(c));
                                if (!head && numeric.contains(column) && v.matches("\\d+(\\.\\d+)?")) {
                                    cell.setCellValue(Double.parseDouble(v));
                                    cell.setCellStyle(numberStyle);
                                } else {
                                    cell.setCellValue(v);
                                    cell.setCellStyle(head ? headStyle : cellStyle);
                                }
                                lines = Math.max(lines, (v.length() + widthChars[c] - 3) / Math.max(1, widthChars[c] - 2));
                            }
                            row.setHeightInPoints(Math.max(1, lines) * 13f + 2f);
                            if (head) {
                                headerRow = rowIndex;
                            }
                            rowIndex++;
                        }
                    } else if (b instanceof Space) {
                        rowIndex++;
                    } else {
                        String text;
                        XSSFCellStyle st = textStyle;
                        if (b instanceof Title t) {
                            text = t.text();
                            st = titleStyle;
                        } else if (b instanceof Heading h) {
                            text = h.text();
                            st = labelStyle;
                        } else if (b instanceof Label l) {
                            text = l.text();
                            st = labelStyle;
                        } else if (b instanceof Literal l) {
                            text = l.text();
                        } else if (b instanceof Para p) {
                            text = p.text();
                        } else if (b instanceof Aligned a) {
                            text = a.text();
                        } else {
                            continue;
                        }
                        XSSFRow row = sheet.createRow(rowIndex);
                        XSSFCell cell = row.createCell(0);
                        cell.setCellValue(Markup.plain(text));
                        cell.setCellStyle(st);
                        if (st == titleStyle) {
                            row.setHeightInPoints(20f);
                        }
                        sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, cols - 1));
                        rowIndex++;
                    }
                }
            }
            if (headerRow >= 0) {
                sheet.createFreezePane(0, headerRow + 1);
                sheet.setAutoFilter(new CellRangeAddress(headerRow, rowIndex - 1, 0, cols - 1));
                sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
            }
            sheet.getPrintSetup().setLandscape(true);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            String footer = doc.get("footer");
            if (footer != null) {
                String[] parts = footer.split("\\|", -1);
                sheet.getFooter().setLeft(parts[0].trim());
                if (parts.length > 1) {
                    sheet.getFooter().setCenter(parts[1].trim());
                }
                if (parts.length > 2) {
                    sheet.getFooter().setRight(parts[2].trim());
                }
            }
            coreProperties(wb, doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return normalizeZip(out.toByteArray(), doc);
        }
    }

    private static XSSFCellStyle style(XSSFWorkbook wb, boolean bold, int points, boolean border, boolean wrap) {
        XSSFFont f = wb.createFont();
        f.setFontName("Calibri");
        f.setFontHeightInPoints((short) points);
        f.setBold(bold);
        XSSFCellStyle s = wb.createCellStyle();
        s.setFont(f);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        s.setWrapText(wrap);
        if (border) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
        }
        return s;
    }

    // ---------------------------------------------------------------- shared

    private static void coreProperties(POIXMLDocument d, Doc doc) {
        POIXMLProperties.CoreProperties core = d.getProperties().getCoreProperties();
        Date date = Date.from(OffsetDateTime.parse(doc.get("date", "2025-03-15T08:00:00-06:00")).toInstant());
        core.setCreated(Optional.of(date));
        core.setModified(Optional.of(date));
        if (doc.get("title") != null) {
            core.setTitle(doc.get("title"));
        }
        if (doc.get("author") != null) {
            core.setCreator(doc.get("author"));
            core.setLastModifiedByUser(doc.get("author"));
        }
        if (doc.get("subject") != null) {
            core.setSubjectProperty(doc.get("subject"));
        }
    }

    /**
     * POI stamps every zip entry with the current time; rewrite the archive with the same entries
     * in the same order and a fixed timestamp so the file is byte-for-byte reproducible.
     */
    private static byte[] normalizeZip(byte[] zip, Doc doc) throws IOException {
        LocalDateTime stamp = OffsetDateTime.parse(doc.get("date", "2025-03-15T08:00:00-06:00")).toLocalDateTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream zout = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(stamp);
                zout.putNextEntry(copy);
                in.transferTo(zout);
                zout.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
