package dev.propos.platform.simulator;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the seed: one per symbol, account and calendar week, so
 * that what one entity draws never shifts what another sees (a new account does not change the
 * prices). Gaussians by Box-Muller on {@link StrictMath}, identical on every machine.
 */
final class Randomness {

    private Randomness() {
    }

    static SplittableRandom stream(long seed, String entity, long salt) {
        return new SplittableRandom(mix(mix(seed ^ 0x9E3779B97F4A7C15L, entity.hashCode()), salt));
    }

    /** A standard normal draw. */
    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble(); // (0, 1]: the log is finite
        double v = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    /** A whole number of seconds, uniformly in [min, max]. */
    static long seconds(SplittableRandom random, long min, long max) {
        return min + random.nextLong(max - min + 1);
    }

    /** SplitMix64's finaliser over the two inputs. */
    private static long mix(long a, long b) {
        long z = a + 0x9E3779B97F4A7C15L * (b + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
