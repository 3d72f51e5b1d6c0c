package ecgbeats.data.balance;

/**
 * "Balanced" class weights as in scikit-learn: n / (k · n_c), where k counts the classes
 * present. A class absent from the data gets weight 0, so it cannot blow up the loss.
 */
public final class ClassWeights {

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
            w[i] = counts[i] == 0 ? 0 : (double) n / ((double) present * counts[i]);
        }
        return w;
    }
}
