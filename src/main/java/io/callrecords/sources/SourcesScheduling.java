package io.callrecords.sources;

import io.callrecords.shared.CallrecordsProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The background work of the sources module, on the service only (not in CLI commands). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "callrecords.mode", havingValue = "serve", matchIfMissing = true)
class SourcesScheduling implements SchedulingConfigurer {

    private final SourceSweeper sweeper;
    private final RawDocumentRetention retention;
    private final CallrecordsProperties.Sources settings;

    SourcesScheduling(SourceSweeper sweeper, RawDocumentRetention retention, CallrecordsProperties properties) {
        this.sweeper = sweeper;
        this.retention = retention;
        this.settings = properties.sources();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(sweeper::sweep, settings.sweepInterval());
        registrar.addFixedDelayTask(retention::run, settings.retentionInterval());
    }
}
