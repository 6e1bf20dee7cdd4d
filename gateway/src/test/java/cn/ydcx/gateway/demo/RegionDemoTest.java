package cn.ydcx.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.node.LocalRegion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's demo, end to end: five nodes, every step must hold. */
class RegionDemoTest {

    @Test
    void everyStepOfTheRegionDemoHolds(@TempDir Path data) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        RegionDemo demo = new RegionDemo(out, data, "certs-sample", true);
        try (LocalRegion region = demo.run()) {
            boolean held = demo.summarise();
            String printed = buf.toString(StandardCharsets.UTF_8);
            assertThat(held).as(printed).isTrue();
            assertThat(demo.steps()).hasSizeGreaterThanOrEqualTo(12);
            assertThat(printed).contains("ALL STEPS HELD").contains("913304007429141869")
                    .contains("MERKLE_ROOT_MISMATCH");
        }
    }
}
