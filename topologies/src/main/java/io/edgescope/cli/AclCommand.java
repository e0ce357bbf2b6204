package io.edgescope.cli;

import io.edgescope.app.AccessRoles;
import io.edgescope.app.KafkaClientSettings;
import io.edgescope.config.EdgeScopeConfig;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The Kafka ACLs of EdgeScope's roles: shown, or granted by an operator with the rights to. */
@Command(name = "acl", mixinStandardHelpOptions = true,
        description = "Kafka ACLs per role (device, edge, analyst) for a cluster with an authorizer.",
        subcommands = {AclCommand.Show.class, AclCommand.Grant.class})
final class AclCommand {

    /** Role and principal, shared by show and grant. */
    static final class RoleOptions {
        @Parameters(index = "0", paramLabel = "ROLE", description = "device (ingest), edge (processors) or analyst (read results).")
        String role;

        @Parameters(index = "1", paramLabel = "PRINCIPAL", description = "Kafka principal, e.g. User:edge.")
        String principal;

        @Option(names = "--app-id", paramLabel = "ID", description = "Application id of the processors (default: application.id).")
        String applicationId;

        List<AclBinding> bindings(EdgeScopeConfig config) {
            if (!principal.contains(":")) {
                throw new IllegalArgumentException("PRINCIPAL must be TYPE:NAME, e.g. User:edge");
            }
            return AccessRoles.parse(role).bindings(principal, applicationId == null ? config.applicationId() : applicationId);
        }
    }

    /** {@code acl show ROLE PRINCIPAL}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the ACLs a role needs (one per line), changing nothing.")
    static final class Show implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        RoleOptions role;

        @Override
        public Integer call() {
            role.bindings(common.config()).forEach(b -> System.out.println(line(b)));
            return 0;
        }
    }

    /** {@code acl grant ROLE PRINCIPAL}. */
    @Command(name = "grant", mixinStandardHelpOptions = true, description = "Create the ACLs a role needs (run as a principal allowed to alter ACLs).")
    static final class Grant implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        RoleOptions role;

        @Override
        public Integer call() throws Exception {
            EdgeScopeConfig config = common.reachableClientConfig();
            List<AclBinding> bindings = role.bindings(config);
            try (Admin admin = Admin.create(KafkaClientSettings.common(config.bootstrapServers(), config))) {
                admin.createAcls(bindings).all().get();
            }
            bindings.forEach(b -> System.out.println("granted " + line(b)));
            return 0;
        }
    }

    static String line(AclBinding b) {
        return String.format("%s %s %s %s %s:%s", b.entry().permissionType(), b.entry().principal(), b.entry().operation(),
                b.pattern().resourceType(), b.pattern().patternType(), b.pattern().name());
    }
}
