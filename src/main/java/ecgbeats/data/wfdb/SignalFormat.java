package ecgbeats.data.wfdb;

/** WFDB signal storage formats this reader decodes. */
enum SignalFormat {
    /** Two 12-bit two's-complement samples packed in three bytes (MIT-BIH). */
    F212(212) {
        @Override
        long bytesFor(long samples) {
            return (samples * 3 + 1) / 2;
        }

        @Override
        long samplesIn(long bytes) {
            return bytes * 2 / 3;
        }

        @Override
        int[] decode(byte[] b, int offset, int count) {
            int[] out = new int[count];
            int p = offset;
            int i = 0;
            while (i + 1 < count) {
                int b0 = b[p] & 0xFF;
                int b1 = b[p + 1] & 0xFF;
                int b2 = b[p + 2] & 0xFF;
                out[i++] = signExtend12(b0 | (b1 & 0x0F) << 8);
                out[i++] = signExtend12(b2 | (b1 & 0xF0) << 4);
                p += 3;
            }
            if (i < count) {
                out[i] = signExtend12((b[p] & 0xFF) | (b[p + 1] & 0x0F) << 8);
            }
            return out;
        }
    },
    /** 16-bit little-endian two's-complement samples. */
    F16(16) {
        @Override
        long bytesFor(long samples) {
            return samples * 2;
        }

        @Override
        long samplesIn(long bytes) {
            return bytes / 2;
        }

        @Override
        int[] decode(byte[] b, int offset, int count) {
            int[] out = new int[count];
            for (int i = 0, p = offset; i < count; i++, p += 2) {
                out[i] = (short) ((b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8);
            }
            return out;
        }
    };

    private final int code;

    SignalFormat(int code) {
        this.code = code;
    }

    abstract long bytesFor(long samples);

    abstract long samplesIn(long bytes);

    abstract int[] decode(byte[] bytes, int offset, int count);

    static SignalFormat of(int code) {
        for (SignalFormat f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        return null;
    }

    static String supported() {
        return "212, 16";
    }

    private static int signExtend12(int v) {
        return (v << 20) >> 20;
    }
}
