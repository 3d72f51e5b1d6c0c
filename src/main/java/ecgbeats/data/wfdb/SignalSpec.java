package ecgbeats.data.wfdb;

/**
 * One signal line of a WFDB header.
 *
 * @param fileName    the signal file, relative to the header's folder
 * @param format      storage format (212, 16, ...)
 * @param byteOffset  bytes to skip at the start of the signal file
 * @param gain        ADC units per physical unit (200 for MIT-BIH)
 * @param baseline    ADC value of physical zero
 * @param units       physical units, "mV" when the header does not say
 * @param adcResolution bits of the ADC
 * @param adcZero     ADC value in the middle of its range
 * @param initialValue the first sample, used as a check
 * @param checksum    16-bit sum of all samples, used as a check
 * @param description the signal's name, "MLII" for the modified limb lead II
 */
public record SignalSpec(String fileName, int format, long byteOffset, double gain, int baseline,
                         String units, int adcResolution, int adcZero, Integer initialValue,
                         Integer checksum, String description) {
}
