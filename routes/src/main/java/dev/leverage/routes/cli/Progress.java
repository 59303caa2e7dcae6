package dev.leverage.routes.cli;

import dev.leverage.routes.IngestRun;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The progress of a long ingest on the terminal: a bar with files and pages done, the rate and the time left,
 * redrawn in place four times a second on a terminal; on a log (not a terminal) one plain line every ten
 * seconds. Runs on its own daemon thread until {@link #close()}.
 */
final class Progress implements AutoCloseable {
    private static final int WIDTH = 24;
    private final IngestRun run;
    private final PrintWriter out;
    private final boolean terminal;
    private final Thread thread;
    private volatile boolean stopped;
    private int lastLength;

    Progress(IngestRun run, PrintWriter out, boolean terminal) {
        this.run = run;
        this.out = out;
        this.terminal = terminal;
        this.thread = new Thread(this::loop, "leverage-progress");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long every = terminal ? 250 : 10_000;
        while (!stopped) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            if (!stopped) draw(false);
        }
    }

    private synchronized void draw(boolean last) {
        String line = line(run, System.nanoTime());
        if (terminal) {
            String pad = " ".repeat(Math.max(0, lastLength - line.length()));
            out.print("\r" + line + pad + (last ? "\n" : ""));
            lastLength = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** One progress line, e.g. {@code [#######.........]  1,234/10,000 files  45,678 pages  210 pages/s  4.2 MB/s  3m12s left}. */
    static String line(IngestRun run, long nowNanos) {
        if (!run.started()) return "Finding files ...";
        int found = run.found(), done = run.done();
        double seconds = Math.max(1e-3, (nowNanos - run.startedNanos()) / 1e9);
        StringBuilder b = new StringBuilder();
        int filled = found == 0 ? WIDTH : (int) ((long) WIDTH * done / found);
        b.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("]  ");
        b.append(String.format(Locale.ROOT, "%,d/%,d files  %,d pages  %,.0f pages/s  %,.1f MB/s", done, found, run.pages(),
                run.pages() / seconds, run.bytes() / seconds / (1 << 20)));
        if (done == found) {
            b.append("  analysing");
        } else if (done > 0) {
            long left = (long) ((found - done) * (seconds / done));
            b.append("  ").append(duration(left)).append(" left");
        }
        return b.toString();
    }

    static String duration(long seconds) {
        if (seconds >= 3600) return (seconds / 3600) + "h" + String.format(Locale.ROOT, "%02d", (seconds % 3600) / 60) + "m";
        if (seconds >= 60) return (seconds / 60) + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
        return seconds + "s";
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (run.started()) draw(true);
    }
}
