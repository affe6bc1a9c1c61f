package io.trustchain.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a params record component that holds a secret: it must be a {@code SecretRef} (written with
 * {@code !secret} or {@code !vault}, or a variable holding one), and a diagnostic on its line shows
 * no snippet. A plain string there is an error.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Sensitive {}
