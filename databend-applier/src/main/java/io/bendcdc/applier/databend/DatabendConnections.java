package io.bendcdc.applier.databend;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** The one place that opens a databend-jdbc connection: the applier, verify, status and /health all come here. */
public final class DatabendConnections {

    private DatabendConnections() {
    }

    public static Connection open(TargetSettings target) throws SQLException {
        return open(target, new Properties());
    }

    /** With extra driver properties (e.g. timeouts). */
    public static Connection open(TargetSettings target, Properties extra) throws SQLException {
        Properties p = new Properties();
        p.putAll(extra);
        p.setProperty("user", target.user());
        if (!target.password().isEmpty()) {
            p.setProperty("password", target.password());
        }
        return DriverManager.getConnection(target.url(), p);
    }
}
