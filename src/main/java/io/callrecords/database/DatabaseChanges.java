package io.callrecords.database;

import com.zaxxer.hikari.HikariDataSource;
import io.callrecords.shared.CallrecordsProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells this node's caches that rows they hold changed, on any node. Triggers on the cached tables send a NOTIFY
 * on the table's channel with the account id as payload (V28); this node LISTENs to every subscribed channel on a
 * connection of its own, outside the pool, and hands each notification to the channel's subscribers. A notification
 * without an account id is about the whole channel (the webhook outbox's, which only wakes the dispatcher), and its
 * subscribers are told {@link Subscriber#doubt()}.
 *
 * <p>A cache must not outlive a notification it could have missed: whenever the listening connection is not known to
 * be up (before the first LISTEN, after an error, on reconnect, and when the liveness probe of every
 * {@link #PROBE_INTERVAL} fails) every subscriber is told to drop everything ({@link Subscriber#doubt()}), and
 * {@link #listening()} is false until the connection is back, so caches read through meanwhile.
 *
 * <p>NOTIFY is delivered after the writing transaction commits, so another node learns of a change within
 * milliseconds; the node that wrote it learns before its own response leaves, through {@link #afterCommit}.
 */
@Component
public class DatabaseChanges implements SmartLifecycle {

    /** Changes of what authenticates an API key: the key, its account's rate limit, a personal key's user. */
    public static final String API_KEYS = "api_keys";

    /**
     * Changes of what a page session stands for, beside {@link #API_KEYS}: the sessions themselves (a sign-out, a
     * password change), and a user's name and password (V29).
     */
    public static final String PAGE_SESSIONS = "page_sessions";

    /** A new version of an account's settings. */
    public static final String ACCOUNT_SETTINGS = "account_settings";

    /** The listening connection's {@code application_name} in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "callrecords-changes";

    /** How often the idle listening connection is probed, so that a silently dead one is noticed. */
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);

    /** What a cache does on a channel's notifications. */
    public interface Subscriber {

        /** Rows of this account (the notification's payload) changed. */
        void changed(long accountId);

        /** A notification may have been missed: forget everything. */
        void doubt();
    }

    private record Subscription(String channel, Subscriber subscriber) {}

    private static final Logger log = LoggerFactory.getLogger(DatabaseChanges.class);

    private final DataSource dataSource;
    private final boolean enabled;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Thread thread;
    private volatile Connection connection;

    DatabaseChanges(DataSource dataSource, CallrecordsProperties properties) {
        this.dataSource = dataSource;
        this.enabled = !properties.cli();
    }

    /** Hands the channel's notifications to {@code subscriber}; subscribe while the context starts. */
    public void subscribe(String channel, Subscriber subscriber) {
        if (!channel.matches("[a-z_]+")) {
            throw new IllegalArgumentException("channel names are lower-case words: " + channel);
        }
        subscriptions.add(new Subscription(channel, subscriber));
        doubt();
    }

    /**
     * Whether notifications are being received now; a cache holds nothing while they are not (a CLI run never
     * listens, nor caches).
     */
    public boolean listening() {
        return listening;
    }

    /**
     * Tells this node's subscribers of a change the current transaction makes, as soon as it commits (at once without
     * a transaction): the node that made a change answers by it from the next request on, without waiting for its own
     * NOTIFY. Other nodes learn of it by the NOTIFY of the table's trigger.
     */
    public void afterCommit(String channel, long accountId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(channel, accountId);
                }
            });
        } else {
            deliver(channel, accountId);
        }
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("database-changes").daemon().start(this::run);
    }

    private void run() {
        while (running) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                this.connection = connection;
                connection.setNetworkTimeout(Runnable::run, (int) PROBE_INTERVAL.multipliedBy(2).toMillis());
                for (String channel : channels()) {
                    statement.execute("LISTEN " + channel);
                }
                int listened = subscriptions.size();
                listening = true;
                doubt(); // whatever changed while not listening
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running && subscriptions.size() == listened) {
                    PGNotification[] notifications = pg.getNotifications((int) PROBE_INTERVAL.toMillis());
                    if (notifications == null || notifications.length == 0) {
                        statement.execute("SELECT 1"); // fails on a connection that died quietly
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        deliver(notification.getName(), notification.getParameter());
                    }
                }
                listening = false;
            } catch (SQLException | RuntimeException e) {
                listening = false;
                doubt();
                if (running) {
                    log.warn("Listening for changes of cached rows failed; caches read through until it is back: {}",
                            e.toString());
                    pause();
                }
            }
        }
        listening = false;
    }

    private List<String> channels() {
        return subscriptions.stream().map(Subscription::channel).distinct().toList();
    }

    /** A notification whose payload is not an account id (the webhook outbox sends none) is about the whole channel. */
    private void deliver(String channel, String payload) {
        long accountId;
        try {
            accountId = Long.parseLong(payload);
        } catch (NumberFormatException e) {
            subscriptions.stream().filter(subscription -> subscription.channel().equals(channel))
                    .forEach(subscription -> subscription.subscriber().doubt());
            return;
        }
        deliver(channel, accountId);
    }

    private void deliver(String channel, long accountId) {
        for (Subscription subscription : subscriptions) {
            if (subscription.channel().equals(channel)) {
                subscription.subscriber().changed(accountId);
            }
        }
    }

    private void doubt() {
        subscriptions.forEach(subscription -> subscription.subscriber().doubt());
    }

    private Connection connect() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
            Properties properties = new Properties();
            properties.setProperty("user", hikari.getUsername());
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            properties.setProperty("ApplicationName", APPLICATION_NAME);
            return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        }
        return dataSource.getConnection();
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // stopping anyway
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        listening = false;
        Thread listener = thread;
        if (listener != null) {
            closeQuietly(connection); // a blocked read ends at once
            listener.interrupt();
            try {
                listener.join(PROBE_INTERVAL.toMillis() + 2_000);
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
        // Starts before the web server takes requests, stops after it.
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
