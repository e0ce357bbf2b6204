package io.edgescope.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a tool and returns what it printed; a failure says which tool and why. */
final class Processes {

    private static final long TIMEOUT_MINUTES = 10;

    private Processes() {
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish in " + TIMEOUT_MINUTES + " min");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, Math.min(3, command.size()))) + " failed (" + p.exitValue() + "): " + out);
        }
        return out;
    }
}
