package cn.ydcx.gateway.node;

import java.util.concurrent.locks.ReentrantLock;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;

/**
 * Nodes started in parallel in one JVM (LocalRegion) each (re)initialise the one shared Logback
 * context while their environment is prepared; done concurrently that throws
 * ConcurrentModificationException now and then. This listener runs that stage one node at a time.
 */
final class SerialLoggingInit implements SmartApplicationListener {
    private static final ReentrantLock LOCK = new ReentrantLock();

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                || ApplicationContextInitializedEvent.class.isAssignableFrom(type)
                || ApplicationFailedEvent.class.isAssignableFrom(type);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent) {
            LOCK.lock(); // before Boot's LoggingApplicationListener (lower precedence)
        } else if (LOCK.isHeldByCurrentThread()) {
            LOCK.unlock();
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
