package dev.leverage.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Parses files in separate parser processes ({@link ParseWorker}), each a JVM with a capped heap, so that a file
 * that hangs Tika, exhausts its memory or crashes it costs that file only: the file is quarantined with the reason
 * and its process is replaced. A pool of processes serves parallel parses; each is started on first use and kept
 * for the next file. Parser processes write their temporary files to a private folder deleted on {@link #close()}
 * (discovery never lingers in the system's temp folder), and their diagnostics to an optional log file.
 */
public final class ForkedDocumentParser implements DocumentParser {
    /** The exit code of a JVM stopped by -XX:+ExitOnOutOfMemoryError. */
    private static final int OOM_EXIT = 3;
    private static final int STARTUP_SECONDS = 120;

    private final IngestLimits limits;
    private final Path log;
    private final Path tmp;
    private final BlockingQueue<Worker> idle;
    private final List<Worker> all = new ArrayList<>();
    private final boolean ocr;
    private volatile boolean closed;

    /**
     * @param limits    the limits, passed to each parser process; the timeout and heap are enforced from here
     * @param processes how many parser processes (parallel parses)
     * @param log       where parser processes write diagnostics (appended), or null to discard them
     */
    public ForkedDocumentParser(IngestLimits limits, int processes, Path log) {
        if (processes < 1) throw new IllegalArgumentException("at least one parser process");
        this.limits = limits;
        this.log = log;
        try {
            this.tmp = Files.createTempDirectory("leverage-parse-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.idle = new ArrayBlockingQueue<>(processes);
        for (int i = 0; i < processes; i++) {
            Worker w = new Worker();
            all.add(w);
            idle.add(w);
        }
        this.ocr = TikaDocumentParser.tesseractInstalled();
    }

    @Override
    public boolean ocrAvailable() {
        return ocr;
    }

    @Override
    public ParseOutcome parse(Path file, String relativePath, String sha256) {
        if (closed) throw new IllegalStateException("parser closed");
        if (sha256 == null) {
            try {
                sha256 = TikaDocumentParser.sha256(file);
            } catch (IOException e) {
                return quarantine(relativePath, null, "The file could not be read from disk (" + e.getMessage() + "); check its permissions and ingest again.");
            }
        }
        Worker w;
        try {
            w = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return quarantine(relativePath, sha256, "The ingest was interrupted before the file was parsed; ingest again to read it.");
        }
        try {
            return w.parse(file, relativePath, sha256);
        } finally {
            idle.add(w);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Worker w : all) w.close();
        try (Stream<Path> s = Files.walk(tmp)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder the OS will clear
        }
    }

    private static ParseOutcome quarantine(String path, String sha, String reason) {
        return new ParseOutcome.Quarantined(new Quarantine(path, sha, reason));
    }

    /** One parser process and the thread that reads its answers (so a read can time out). */
    private final class Worker implements Closeable {
        private Process process;
        private DataOutputStream toChild;
        private DataInputStream fromChild;
        private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "leverage-parser-reader");
            t.setDaemon(true);
            return t;
        });

        ParseOutcome parse(Path file, String rel, String sha) {
            try {
                if (process == null || !process.isAlive()) start();
            } catch (IOException | TimeoutException | ExecutionException e) {
                stop();
                return quarantine(rel, sha, "The parser process could not start (" + e.getMessage() + "); check that Java can run and ingest again.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                return quarantine(rel, sha, "The ingest was interrupted before the file was parsed; ingest again to read it.");
            }
            Future<ParseOutcome> answer;
            try {
                OutcomeCodec.str(toChild, file.toAbsolutePath().toString());
                OutcomeCodec.str(toChild, rel);
                OutcomeCodec.str(toChild, sha);
                toChild.flush();
                answer = reader.submit(() -> OutcomeCodec.read(fromChild));
            } catch (IOException e) {
                return died(rel, sha);
            }
            try {
                return answer.get(limits.parseTimeoutSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                answer.cancel(true);
                kill();
                return quarantine(rel, sha, "Parsing the file took longer than " + limits.parseTimeoutSeconds()
                        + " seconds, the per-file limit, so it was stopped; it may be damaged or very large: raise the limit or ask for a smaller copy.");
            } catch (ExecutionException e) {
                return died(rel, sha);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer.cancel(true);
                stop();
                return quarantine(rel, sha, "The ingest was interrupted while the file was parsed; ingest again to read it.");
            }
        }

        /** The process ended (or its pipe broke) mid-file: say why from its exit code. */
        private ParseOutcome died(String rel, String sha) {
            Integer code = null;
            try {
                if (process != null && process.waitFor(10, TimeUnit.SECONDS)) code = process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop();
            if (code != null && code == OOM_EXIT) {
                return quarantine(rel, sha, "Parsing the file needed more than " + limits.parserHeapMb()
                        + " MB of memory, the parser's limit, so it was stopped; raise the parser memory or ask for a smaller copy.");
            }
            return quarantine(rel, sha, "The parser process crashed on the file" + (code == null ? "" : " (exit code " + code + ")")
                    + "; it is likely corrupt: ask the producing party for a new copy.");
        }

        private void start() throws IOException, InterruptedException, ExecutionException, TimeoutException {
            List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + limits.parserHeapMb() + "m", "-Xss8m",
                    "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                    "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), ParseWorker.class.getName()));
            cmd.addAll(List.of(limits.toArgs()));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            // Tesseract's OpenMP threads spin against each other and the other parser processes: one thread per
            // OCR run, parallelism comes from the parser processes (3 s a page instead of 10-15 s on two busy cores).
            pb.environment().putIfAbsent("OMP_THREAD_LIMIT", "1");
            pb.redirectError(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(log.toFile()));
            process = pb.start();
            toChild = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 12));
            fromChild = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
            Future<Integer> ready = reader.submit(() -> {
                int b = fromChild.read();
                if (b != ParseWorker.READY) throw new EOFException("parser process did not start (got " + b + ")");
                return b;
            });
            ready.get(STARTUP_SECONDS, TimeUnit.SECONDS);
        }

        /** Ends a process that is busy with a file: it will not read its input again. */
        void kill() {
            Process p = process;
            if (p != null) p.destroyForcibly();
            stop();
        }

        void stop() {
            Process p = process;
            process = null;
            if (p == null) return;
            try {
                toChild.close(); // a process between files exits on end of input
            } catch (IOException ignored) {
                // already gone
            }
            try {
                if (!p.waitFor(2, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            stop();
            reader.shutdownNow();
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
