package ecgbeats;

import org.junit.jupiter.api.Assumptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opens a page in Debian's headless Chromium (tests are skipped where it is not installed). */
public final class Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private Browser() {
    }

    /**
     * Loads {@code html} from a file in {@code dir}, runs {@code expression} (JavaScript) once the
     * page has loaded, and returns its value as the page left it.
     */
    public static String evaluate(String html, String expression, Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
        String probe = "<script>window.addEventListener('load', () => { document.body.setAttribute('data-check', "
                + expression + "); });</script></body>";
        Path page = Files.createTempFile(dir, "page", ".html");
        Files.writeString(page, html.replace("</body>", probe), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--virtual-time-budget=10000", "--user-data-dir=" + dir.resolve("chromium-profile"), "--dump-dom",
                page.toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        Matcher m = Pattern.compile("data-check=\"([^\"]*)\"").matcher(dom);
        assertTrue(m.find(), "no check mark in the DOM: " + dom.substring(0, Math.min(400, dom.length())));
        return m.group(1);
    }

    /** "decoded/total" for the page's images: how many decoded to a picture wider than 300 pixels. */
    public static final String DECODED_IMAGES = "(() => { const i = [...document.images]; "
            + "return i.filter(x => x.complete && x.naturalWidth > 300).length + '/' + i.length; })()";
}
