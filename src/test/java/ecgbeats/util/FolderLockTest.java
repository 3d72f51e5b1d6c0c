package ecgbeats.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lock holds against another process and is let go when that process is killed. */
class FolderLockTest {

    @TempDir
    Path dir;

    /** A child process: takes the lock, says so, and waits to be killed. */
    public static void main(String[] args) throws Exception {
        FolderLock lock = FolderLock.tryLock(Path.of(args[0]));
        System.out.println(lock == null ? "refused" : "locked");
        System.out.flush();
        Thread.sleep(600_000);
    }

    @org.junit.jupiter.api.Tag("process")
    @Test
    void anotherProcessHoldsItUntilItIsKilled() throws Exception {
        Path file = dir.resolve("fold-1.lock");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FolderLockTest.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        try {
            String said = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertEquals("locked", said);
            assertNull(FolderLock.tryLock(file), "held by the child");
        } finally {
            child.destroyForcibly(); // SIGKILL: no chance to let go by itself
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        try (FolderLock mine = FolderLock.tryLock(file)) {
            assertNotNull(mine, "the operating system let go of a killed holder's lock");
            assertNull(FolderLock.tryLock(file), "one holder at a time within a process too");
        }
        try (FolderLock again = FolderLock.tryLock(file)) {
            assertNotNull(again, "closing lets go");
        }
    }

    @Test
    void aLockInAFolderThatIsNotThereIsAnError() {
        assertThrows(IOException.class, () -> FolderLock.tryLock(dir.resolve("missing").resolve("x.lock")));
    }
}
