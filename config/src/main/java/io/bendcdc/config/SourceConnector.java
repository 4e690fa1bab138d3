package io.bendcdc.config;

/** Which Debezium connector reads the binlog. */
public enum SourceConnector {
    /** Binlog file and position; works against MariaDB too. */
    MYSQL("io.debezium.connector.mysql.MySqlConnector"),
    /** Debezium's MariaDB connector, which tracks MariaDB GTIDs. */
    MARIADB("io.debezium.connector.mariadb.MariaDbConnector");

    private final String connectorClass;

    SourceConnector(String connectorClass) {
        this.connectorClass = connectorClass;
    }

    /** The value for Debezium's {@code connector.class}. */
    public String connectorClass() {
        return connectorClass;
    }
}
