package ecgbeats.data.balance;

/**
 * "Balanced" class weights as in scikit-learn: n / (k · n_c), where k counts the classes
 * present, capped at {@value #CEILING}. A class absent from the data gets weight 0, so it
 * cannot blow up the loss.
 *
 * <p>Why the ceiling: balanced weights make every class weigh as much in total as any other,
 * which for a class of a handful of beats puts one beat's weight in the thousands: the
 * inter-patient train split holds 7 Q beats among 45,918 (weight 1,312 against N's 0.22), and a
 * batch holding one of them is that beat's alone. Capped at 30, a class is weighted as if it held
 * at least 1/150 of the beats for five classes; every class of the intra-patient split (the
 * largest weight is F's, 27.3) and every class but Q of the inter-patient one (F 24.6) keeps
 * its balanced weight.
 */
public final class ClassWeights {

    /** The largest weight a class gets. */
    public static final double CEILING = 30;

    private ClassWeights() {
    }

    public static double[] balanced(int[] counts) {
        long n = 0;
        int present = 0;
        for (int c : counts) {
            n += c;
            if (c > 0) {
                present++;
            }
        }
        double[] w = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            w[i] = counts[i] == 0 ? 0 : Math.min(CEILING, (double) n / ((double) present * counts[i]));
        }
        return w;
    }
}
