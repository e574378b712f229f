package io.callrecords.calls;

import java.util.function.Supplier;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Runs a transaction again when PostgreSQL chose it as a deadlock victim. The lock order of
 * {@link CallLocks} makes that rare (two requests reusing one event id for different calls).
 */
final class Retries {

    private static final int ATTEMPTS = 5;

    private Retries() {}

    static <T> T onConflict(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
