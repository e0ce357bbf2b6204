package io.edgescope.app;

import java.util.Optional;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/** Finds Kafka's refusals (bad credentials, missing ACLs) in a failure and says them plainly. */
public final class KafkaSecurityErrors {

    private KafkaSecurityErrors() {
    }

    /** The refusal in {@code failure}'s cause chain, explained, if there is one ({@code bootstrap} may be null). */
    public static Optional<KafkaAccessDeniedException> explain(Throwable failure, String bootstrap) {
        String kafka = bootstrap == null ? "Kafka" : "Kafka at " + bootstrap;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof KafkaAccessDeniedException denied) {
                return Optional.of(denied);
            }
            if (t instanceof AuthenticationException) {
                return Optional.of(new KafkaAccessDeniedException(kafka + " refused the credentials ("
                        + t.getMessage() + "): check security.protocol, sasl.mechanism and sasl.jaas.config in --config", t));
            }
            if (t instanceof AuthorizationException) {
                return Optional.of(new KafkaAccessDeniedException(kafka + " denied access: " + t.getMessage()
                        + ". This principal lacks an ACL for it; an operator grants a role's ACLs with: edgescope acl grant ROLE User:NAME", t));
            }
        }
        return Optional.empty();
    }

    /** Throws the explained refusal in {@code failure}, if any. */
    public static void rethrowIfRefused(Throwable failure, String bootstrap) {
        Optional<KafkaAccessDeniedException> denied = explain(failure, bootstrap);
        if (denied.isPresent()) {
            throw denied.get();
        }
    }
}
