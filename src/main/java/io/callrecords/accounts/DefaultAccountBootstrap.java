package io.callrecords.accounts;

import io.callrecords.shared.CallrecordsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the very first start of the embedded default, creates the {@code default} account and prints
 * its key once, so a newcomer can call the API right away. An external database is left alone:
 * there an operator creates accounts; so is the demo, which creates its own.
 */
@Component
class DefaultAccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefaultAccountBootstrap.class);

    private final CallrecordsProperties properties;
    private final Accounts accounts;
    private final AccountProvisioning provisioning;
    private final Environment environment;

    DefaultAccountBootstrap(CallrecordsProperties properties, Accounts accounts, AccountProvisioning provisioning,
                            Environment environment) {
        this.properties = properties;
        this.environment = environment;
        this.accounts = accounts;
        this.provisioning = provisioning;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.cli() || properties.demo() || !properties.db().embedded() || accounts.any()) {
            return;
        }
        AccountProvisioning.NewAccount created = provisioning.create("default", properties.api().defaultRateLimitPerMinute());
        log.info("Created the default account {}", created.account().id());
        System.out.println("""

                ==================================================================
                 First start: created the account 'default'. Its API key, shown
                 only this once (create more with POST /api/v3/api-keys):

                   %s

                 Try: curl -H 'Authorization: Bearer %s' \\
                        http://localhost:%s/api/v3/account/settings
                ==================================================================
                """.formatted(created.secret(), created.secret(), environment.getProperty("local.server.port", "8080")));
    }
}
