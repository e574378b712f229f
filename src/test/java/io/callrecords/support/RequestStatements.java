package io.callrecords.support;

import jakarta.servlet.Filter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The SQL an app runs while serving requests: the app's {@link DataSource} is wrapped so that every statement
 * executed (and every commit and rollback, each a round trip) on a thread that is serving an HTTP request at the time
 * is written down. Work of the app's own threads (dispatcher, schedulers, listeners) is left out. Import it into a
 * test class of its own app ({@link OwnApp}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class RequestStatements {

    private static final ThreadLocal<Boolean> SERVING = ThreadLocal.withInitial(() -> false);
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    /** Forgets what was written down so far. */
    public void clear() {
        seen.clear();
    }

    /** The statements (SQL text, or {@code COMMIT} / {@code ROLLBACK}) run for requests since the last clear. */
    public List<String> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    @Bean
    FilterRegistrationBean<Filter> requestStatementsFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            SERVING.set(true);
            try {
                chain.doFilter(request, response);
            } finally {
                SERVING.set(false);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    static BeanPostProcessor requestStatementsDataSource(RequestStatements statements) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && "dataSource".equals(name)
                        ? statements.wrap(dataSource, DataSource.class) : bean;
            }
        };
    }

    private <T> T wrap(Object target, Class<T> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args[0] instanceof Class<?> wanted && wanted.isInstance(target)) {
                return target;
            }
            if (method.getName().equals("isWrapperFor") && args[0] instanceof Class<?> wanted && wanted.isInstance(target)) {
                return true;
            }
            note(target, method, args);
            Object result = invoke(target, method, args);
            if (result instanceof Connection connection && !(target instanceof Connection)) {
                return wrap(connection, Connection.class);
            }
            if (target instanceof Connection && result instanceof Statement statement) {
                Class<? extends Statement> kind = method.getReturnType().asSubclass(Statement.class);
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                return wrapStatement(statement, kind, sql);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
    }

    private Statement wrapStatement(Statement statement, Class<? extends Statement> kind, String preparedSql) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute") && SERVING.get()) {
                seen.add(args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql);
            }
            return invoke(statement, method, args);
        };
        return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {kind}, handler);
    }

    private void note(Object target, Method method, Object[] args) {
        if (target instanceof Connection && SERVING.get()
                && (method.getName().equals("commit") || method.getName().equals("rollback"))) {
            seen.add(method.getName().toUpperCase());
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
