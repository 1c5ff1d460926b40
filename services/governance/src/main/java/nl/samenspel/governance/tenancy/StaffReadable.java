package nl.samenspel.governance.tenancy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose routes an account holding only the staff role may reach: the publications.
 * Every other coalition route answers such an account with 404, as if it had no role at all; the
 * controller still decides what a staff member sees.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StaffReadable {}
