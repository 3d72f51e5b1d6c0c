package ecgbeats.util;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Derives independent random streams from one user seed, one per named purpose, so that
 * changing how one step draws numbers leaves the others' draws unchanged. There is no global
 * random generator anywhere in ecgbeats.
 */
public final class Seeds {

    private Seeds() {
    }

    /** A seed for {@code purpose} derived from {@code seed}. */
    public static long derive(long seed, String purpose) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the purpose
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        return mix(seed ^ mix(h));
    }

    /** A random stream for {@code purpose}. */
    public static SplittableRandom random(long seed, String purpose) {
        return new SplittableRandom(derive(seed, purpose));
    }

    /** SplitMix64's finaliser: a bijection that scatters nearby seeds. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** 0, 1, ..., n − 1 in a random order (Fisher–Yates, from the last position down), drawn from {@code random}. */
    public static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
