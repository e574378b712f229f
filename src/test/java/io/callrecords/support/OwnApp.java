package io.callrecords.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The test class gets an app and a database of its own, closed after the class, instead of the app it would share
 * with the other classes of the same configuration (see {@link AppTestSupport}). For a class that configures the app
 * its own way (a property, a bean), counts over every account or over the node's metrics, or needs the node's memory
 * (throttles, caches, queues) untouched by other classes. The marker property keeps such a class from picking up
 * (and then closing) the shared app, whose cache key it would otherwise share.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "callrecords.test.own-app=true")
public @interface OwnApp {}
