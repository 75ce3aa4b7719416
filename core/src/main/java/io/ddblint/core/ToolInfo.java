package io.ddblint.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Name, version and home page of the tool, as written into reports. */
public final class ToolInfo {

    public static final String NAME = "ddb-lint";
    public static final String INFORMATION_URI = "https://github.com/ddb-lint/ddb-lint";
    public static final String VERSION = readVersion();

    private ToolInfo() {
    }

    private static String readVersion() {
        try (InputStream in = ToolInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
