package dev.leverage.ingest;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed discovery document: a file of the production, or a file embedded in one (an email attachment).
 *
 * @param id       stable identifier: the SHA-256 of the file's bytes; for an embedded document, the SHA-256 of
 *                 its container's id and its path inside the container
 * @param path     path relative to the case folder, '/' separated; an embedded document's path is its
 *                 container's path, "!/" and its name inside the container
 * @param sha256   SHA-256 of the file's bytes (for an embedded document, equal to id)
 * @param type     document class (police_report, cad_log, lab_report, ...), see {@link DocumentClass}
 * @param mediaType the detected media type
 * @param metadata selected metadata (title, author, dates, email headers)
 * @param pages    the pages, in order
 * @param parentId the container's id for an embedded document, else null
 */
public record Document(String id, String path, String sha256, String type, String mediaType,
                       Map<String, String> metadata, List<Page> pages, String parentId) {
    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        metadata = Map.copyOf(metadata);
        pages = List.copyOf(pages);
    }

    /** The page with this 1-based number. */
    public Page page(int number) {
        return pages.get(number - 1);
    }

    /** Bates number of the first page that carries one, or null. */
    public String firstBates() {
        return pages.stream().map(Page::bates).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Bates number of the last page that carries one, or null. */
    public String lastBates() {
        String last = null;
        for (Page p : pages) if (p.bates() != null) last = p.bates();
        return last;
    }

    /** All the document's text, pages separated by form feeds. */
    public String fullText() {
        StringBuilder sb = new StringBuilder();
        for (Page p : pages) {
            if (sb.length() > 0) sb.append('\f');
            sb.append(p.text());
        }
        return sb.toString();
    }
}
