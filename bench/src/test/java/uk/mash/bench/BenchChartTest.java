package uk.mash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** latest.png: a real picture of a made-up run, read back. */
class BenchChartTest {

    private static final long O = 5_000_000_000_000L;

    @Test
    void writesAPngOfThroughputAndLatencyOverTime(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("latest.png");
        BenchChart.write(png, "MASH Hub bench, a made-up run", TimelineResult.of(pipeline(), latency()));

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(BenchChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(BenchChart.HEIGHT);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        assertThat(colours).hasSizeGreaterThan(1);
        // the accepted/s line (blue) and the decision -> queue p99 line (purple) were drawn
        assertThat(colours).anyMatch(rgb -> near(rgb, 0x1f77b4));
        assertThat(colours).anyMatch(rgb -> near(rgb, 0x9467bd));
    }

    /** 10 s at 100 reports/s, each case 20 ms later, the last second's cases late by 2 s. */
    private static BenchTimeline pipeline() {
        Map<String, Long> accepted = new HashMap<>();
        Map<String, Long> seen = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            long at = O + i * 10_000_000L;
            accepted.put("p" + i, at);
            seen.put("p" + i, at + (i >= 900 ? 2_000_000_000L : 20_000_000L));
        }
        return BenchTimeline.of("pipeline", O, O, accepted, seen, Map.of(), Map.of());
    }

    /** From 15 s, 5 s at 50 reports/s; decisions on them from 20 s, 30 ms to their queue. */
    private static BenchTimeline latency() {
        Map<String, Long> accepted = new HashMap<>();
        Map<String, Long> seen = new HashMap<>();
        Map<String, Long> decided = new HashMap<>();
        Map<String, Long> routed = new HashMap<>();
        long start = O + 15_000_000_000L;
        for (int i = 0; i < 250; i++) {
            long at = start + i * 20_000_000L;
            accepted.put("l" + i, at);
            seen.put("l" + i, at + 5_000_000L + i * 100_000L);
            long decidedAt = at + 5_000_000_000L;
            decided.put("C" + i, decidedAt);
            routed.put("C" + i, decidedAt + 30_000_000L);
        }
        return BenchTimeline.of("latency", O, start, accepted, seen, decided, routed);
    }

    private static boolean near(int rgb, int expected) {
        Color a = new Color(rgb);
        Color b = new Color(expected);
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue()) <= 12;
    }
}
