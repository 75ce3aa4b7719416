package io.ddblint.core.rule;

import io.ddblint.core.Severity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Metadata of one rule, written directly above its class. The engine reads it to stamp findings, so a rule never
 * states its own id or severity when it reports.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

    /** Stable id, e.g. {@code DDB-P001}. Never changes once released. */
    String id();

    /** Name alias, e.g. {@code ScanInProductionCode}; accepted wherever an id is. */
    String name();

    /** One sentence: what is wrong. Used as the SARIF short description. */
    String summary();

    Severity severity();

    Category category();

    String[] tags() default {};

    boolean enabledByDefault() default true;
}
