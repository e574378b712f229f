package io.callrecords.support;

import io.callrecords.CallrecordsApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** Another app node in this JVM, on a port of its own, on the same database as the test's app. */
public final class OtherNode {

    private OtherNode() {}

    /** Starts a node with the test app's database and operator token, and these of its settings alike. */
    public static ConfigurableApplicationContext start(Environment testApp, String... alsoAlike) {
        Map<String, Object> same = new HashMap<>();
        for (String name : new String[] {"callrecords.db.url", "callrecords.db.user", "callrecords.operator-token",
                "callrecords.auth.max-failures-per-address"}) {
            same.put(name, testApp.getProperty(name));
        }
        for (String name : alsoAlike) {
            same.put(name, testApp.getProperty(name));
        }
        same.put("server.port", "0");
        same.put("spring.main.banner-mode", "off");
        return new SpringApplicationBuilder(CallrecordsApplication.class).properties(same).run();
    }

    /** A client of the node's port. */
    public static Api api(ConfigurableApplicationContext node) {
        return new Api(node.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }
}
