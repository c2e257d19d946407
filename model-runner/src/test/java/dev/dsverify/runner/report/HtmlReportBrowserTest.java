package dev.dsverify.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the HTML report in a real browser (headless Chromium) to check what a person sees: the text is
 * there, the spec's "<script>" stays text, and the page renders to a non-blank screenshot. Skipped when
 * Chromium is not installed (Debian: apt-get install chromium). The files stay in
 * target/dsverify-browser/ for looking at.
 */
class HtmlReportBrowserTest {
    private static final Path CHROMIUM = Paths.get(System.getProperty("dsverify.chromium", "/usr/bin/chromium"));
    private static final Path OUT = Paths.get("target", "dsverify-browser").toAbsolutePath();

    private static Path report;

    @BeforeAll
    static void render() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "Chromium not found at " + CHROMIUM + " (apt-get install chromium, or set -Ddsverify.chromium)");
        report = OUT.resolve("report.html");
        new HtmlReport("dsverify sample report", List.of()).write(report, Samples.mixed(), Instant.now());
    }

    @Test
    void browser_shows_the_text_and_keeps_spec_markup_inert() throws Exception {
        String dom = chromium("--dump-dom", report.toUri().toString());
        assertThat(dom).contains("dsverify sample report", "Summary", "Counter", "RequestVoteResponse",
                "loop starts here", "Stuttering: from here on no variable changes.", "Spec could not be parsed");
        // The DOM the browser built still has one script element: the report's own.
        assertThat(HtmlReportTest.count(dom, "<script")).isEqualTo(1);
        assertThat(dom).contains("OneLeader&lt;script&gt;alert('x')&lt;/script&gt;");
    }

    @Test
    void screenshot_is_a_real_rendering() throws Exception {
        Path png = OUT.resolve("report.png");
        Files.deleteIfExists(png);
        chromium("--screenshot=" + png, "--window-size=1400,2000", report.toUri().toString());
        assertThat(png).exists();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1400);
        assertThat(img.getHeight()).isEqualTo(2000);
        // A blank or error page has a handful of colours; a rendered report with text, badges and
        // highlighted cells has many (anti-aliased text alone gives hundreds).
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertThat(colours.size()).isGreaterThan(200);
        // The dark header band is at the top, as the stylesheet says: the page was styled, not raw HTML.
        int header = img.getRGB(700, 10) & 0xffffff;
        assertThat(header).isEqualTo(0x1f2937);
    }

    private static String chromium(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(OUT, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Path stdout = OUT.resolve("chromium-" + System.nanoTime() + ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s: " + cmd);
        }
        assertThat(p.exitValue()).as("chromium exit code").isZero();
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }
}
