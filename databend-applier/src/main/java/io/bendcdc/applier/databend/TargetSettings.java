package io.bendcdc.applier.databend;

import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.CdcOptions;

/** Where Databend is and how to sign in; the database of the applier's state table. */
public record TargetSettings(String url, String user, String password, String stateDatabase) {

    public static TargetSettings from(CdcConfig c) {
        return new TargetSettings(c.get(CdcOptions.DATABEND_URL), c.get(CdcOptions.DATABEND_USER),
                c.get(CdcOptions.DATABEND_PASSWORD), c.get(CdcOptions.DATABEND_STATE_DATABASE));
    }

    /** These settings with the state table in another database. */
    public TargetSettings withStateDatabase(String database) {
        return new TargetSettings(url, user, password, database);
    }

    /** Without the password: safe to log. */
    @Override
    public String toString() {
        return "TargetSettings[url=" + url + ", user=" + user + ", stateDatabase=" + stateDatabase + "]";
    }
}
