package cn.ydcx.gateway.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** RecordIds (reused digest, UTF-8 encoded in place) equals the SPEC §2 formula computed plainly. */
class RecordIdsProperties {
    @Property(tries = 1000)
    void equalsThePlainFormula(@ForAll String source, @ForAll String dataset, @ForAll String sourceKey) throws Exception {
        byte[] full = MessageDigest.getInstance("SHA-256")
                .digest((source + "\n" + dataset + "\n" + sourceKey).getBytes(StandardCharsets.UTF_8));
        String expected = HexFormat.of().formatHex(Arrays.copyOf(full, 16));
        assertThat(RecordIds.hex(RecordIds.digest16(source, dataset, sourceKey))).isEqualTo(expected);
        assertThat(RecordIds.matches(source, dataset, sourceKey, expected)).isTrue();
        String other = (expected.charAt(31) == '0' ? expected.substring(0, 31) + "1" : expected.substring(0, 31) + "0");
        assertThat(RecordIds.matches(source, dataset, sourceKey, other)).isFalse();
        assertThat(RecordIds.matches(source, dataset, sourceKey, expected.toUpperCase())).isEqualTo(expected.equals(expected.toUpperCase()));
    }
}
