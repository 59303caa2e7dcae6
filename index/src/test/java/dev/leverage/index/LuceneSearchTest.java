package dev.leverage.index;

import java.nio.file.Path;

/** The shared behaviour on the embedded index: one Lucene index on disk per case. */
class LuceneSearchTest extends SearchBehaviour {
    @Override
    DiscoveryIndex open(Path dir, String caseId) throws Exception {
        return new LuceneDiscoveryIndex(dir.resolve(caseId));
    }
}
