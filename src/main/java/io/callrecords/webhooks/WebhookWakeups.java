package io.callrecords.webhooks;

import com.zaxxer.hikari.HikariDataSource;
import io.callrecords.shared.CallrecordsProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * LISTENs for the NOTIFY that every outbox write and every result write sends, on a connection of
 * its own (outside the pool, so it never takes a slot from requests), and wakes the dispatcher.
 * If the connection drops it reconnects; meanwhile the dispatcher's polling carries on.
 */
@Component
class WebhookWakeups implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookWakeups.class);

    private final DataSource dataSource;
    private final WebhookDispatcher dispatcher;
    private final CallrecordsProperties.Webhooks settings;
    private final boolean enabled;
    private volatile boolean running;
    private Thread thread;

    WebhookWakeups(DataSource dataSource, WebhookDispatcher dispatcher, CallrecordsProperties properties) {
        this.dataSource = dataSource;
        this.dispatcher = dispatcher;
        this.settings = properties.webhooks();
        this.enabled = settings.dispatcherEnabled() && !properties.cli();
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("webhook-listen").daemon().start(this::run);
    }

    private void run() {
        while (running) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + WebhookOutbox.CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                dispatcher.wake(); // whatever was notified while not listening
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) Math.max(1, settings.pollInterval().toMillis()));
                    if (notifications != null && notifications.length > 0) {
                        dispatcher.wake();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Listening for webhook work failed; reconnecting (polling meanwhile): {}", e.toString());
                    pause();
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        if (dataSource instanceof HikariDataSource hikari) {
            return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        return dataSource.getConnection();
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(settings.pollInterval().toMillis() + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
