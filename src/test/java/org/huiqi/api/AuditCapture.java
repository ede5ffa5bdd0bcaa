package org.huiqi.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.huiqi.audit.AuditLog;

/** Captures the audit logger's records: counts all of them and keeps the last few. */
final class AuditCapture extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger(AuditLog.LOGGER);
    private final int keep;
    private final Deque<String> last = new ArrayDeque<>();
    private final AtomicLong count = new AtomicLong();

    AuditCapture(int keep) {
        this.keep = keep;
        logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        count.incrementAndGet();
        last.addLast(record.getMessage());
        if (last.size() > keep) last.removeFirst();
    }

    long count() {
        return count.get();
    }

    synchronized List<String> records() {
        return new ArrayList<>(last);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
