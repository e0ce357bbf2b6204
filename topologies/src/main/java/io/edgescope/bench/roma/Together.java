package io.edgescope.bench.roma;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Tasks run at once, each on a thread of its own: what a bench does to load the cores the way its cameras or threads would. */
final class Together {

    private Together() {
    }

    /**
     * Runs every task on its own thread named {@code threadName}, all at once, and waits for them.
     *
     * @param what what a task is, for the error when one fails ("A live stream")
     * @return their results, in the tasks' order
     */
    static <T> List<T> run(List<Callable<T>> tasks, String threadName, String what) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size(), r -> new Thread(r, threadName));
        try {
            List<T> out = new ArrayList<>(tasks.size());
            for (Future<T> f : pool.invokeAll(tasks)) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
