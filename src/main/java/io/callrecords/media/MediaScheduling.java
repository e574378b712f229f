package io.callrecords.media;

import io.callrecords.shared.CallrecordsProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The background work of the media module, on the service only (not in CLI commands). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "callrecords.mode", havingValue = "serve", matchIfMissing = true)
class MediaScheduling implements SchedulingConfigurer {

    private final FetchWorker fetchWorker;
    private final MediaRetention retention;
    private final CallrecordsProperties.Media settings;

    MediaScheduling(FetchWorker fetchWorker, MediaRetention retention, CallrecordsProperties properties) {
        this.fetchWorker = fetchWorker;
        this.retention = retention;
        this.settings = properties.media();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(fetchWorker::poll, settings.fetch().pollInterval());
        registrar.addFixedDelayTask(retention::run, settings.retentionInterval());
    }
}
