package org.gatehouse.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a state rather than for a time: polls every 100 ms until the condition holds or the limit passes. */
public final class Eventually {

    private Eventually() {
    }

    /** True as soon as {@code condition} holds; false if it still does not once {@code limit} has passed. */
    public static boolean within(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
