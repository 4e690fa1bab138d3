package io.bendcdc.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.CdcOptions;
import io.bendcdc.contract.TableId;

/**
 * The source tables the engine captures, found the way Debezium filters them: the include and
 * exclude lists are regular expressions matched against the whole name, ignoring case.
 */
final class CapturedTables {

    private static final Set<String> SYSTEM = Set.of("mysql", "information_schema", "performance_schema", "sys");

    private CapturedTables() {
    }

    static List<TableId> list(Connection source, CdcConfig config) throws SQLException {
        List<Pattern> dbInclude = patterns(config.get(CdcOptions.SOURCE_DATABASES_INCLUDE));
        List<Pattern> dbExclude = patterns(config.get(CdcOptions.SOURCE_DATABASES_EXCLUDE));
        List<Pattern> tInclude = patterns(config.get(CdcOptions.SOURCE_TABLES_INCLUDE));
        List<Pattern> tExclude = patterns(config.get(CdcOptions.SOURCE_TABLES_EXCLUDE));
        String signalTable = config.get(CdcOptions.SOURCE_SIGNAL_TABLE);
        List<TableId> tables = new ArrayList<>();
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE' "
                        + "ORDER BY TABLE_SCHEMA, TABLE_NAME")) {
            while (rs.next()) {
                String db = rs.getString(1);
                String name = db + "." + rs.getString(2);
                if (SYSTEM.contains(db.toLowerCase(java.util.Locale.ROOT)) || name.equalsIgnoreCase(signalTable)) {
                    continue;
                }
                if ((dbInclude.isEmpty() || matches(dbInclude, db)) && !matches(dbExclude, db)
                        && (tInclude.isEmpty() || matches(tInclude, name)) && !matches(tExclude, name)) {
                    tables.add(new TableId(db, rs.getString(2)));
                }
            }
        }
        return tables;
    }

    /**
     * The source databases whose Databend copies verify looks through for tables only in Databend:
     * those {@code source.databases.include} names (less the excluded ones), or, without that list,
     * the databases of the captured tables (a database is not taken as captured just because no
     * list excludes it, since Databend may hold unrelated databases of the same name).
     */
    static List<String> databases(Connection source, CdcConfig config, List<TableId> captured) throws SQLException {
        List<Pattern> dbInclude = patterns(config.get(CdcOptions.SOURCE_DATABASES_INCLUDE));
        List<Pattern> dbExclude = patterns(config.get(CdcOptions.SOURCE_DATABASES_EXCLUDE));
        if (dbInclude.isEmpty()) {
            return captured.stream().map(TableId::database).distinct().sorted().toList();
        }
        List<String> databases = new ArrayList<>();
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery(VerifyQueries.sourceDatabases())) {
            while (rs.next()) {
                String db = rs.getString(1);
                if (!SYSTEM.contains(db.toLowerCase(java.util.Locale.ROOT)) && matches(dbInclude, db)
                        && !matches(dbExclude, db)) {
                    databases.add(db);
                }
            }
        }
        return databases;
    }

    private static List<Pattern> patterns(List<String> regexes) {
        return regexes.stream().map(r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE)).toList();
    }

    private static boolean matches(List<Pattern> patterns, String name) {
        return patterns.stream().anyMatch(p -> p.matcher(name).matches());
    }
}
