package io.bendcdc.history;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.misc.Interval;

import io.bendcdc.contract.ColumnChange.Declared;
import io.debezium.ddl.parser.mariadb.generated.MariaDBLexer;
import io.debezium.ddl.parser.mariadb.generated.MariaDBParser;
import io.debezium.ddl.parser.mariadb.generated.MariaDBParserBaseListener;
import io.debezium.ddl.parser.mysql.generated.MySqlLexer;
import io.debezium.ddl.parser.mysql.generated.MySqlParser;
import io.debezium.ddl.parser.mysql.generated.MySqlParserBaseListener;

/**
 * Reads what an ALTER TABLE statement's {@code ADD COLUMN} clauses declare that the history's
 * structured table leaves out: whether a column is generated ({@code AS (expr)}), and its
 * {@code DEFAULT} as written (the history records a hex literal default as no default at all). The
 * applier needs both to know what the rows already there hold in the new column.
 *
 * <p>Parses with the same grammars as {@link RenameParser}, MySQL first, then MariaDB.
 */
final class AddedColumnParser {

    private AddedColumnParser() {
    }

    /**
     * @return the added columns' declarations by column name in lower case (MySQL column names
     *         ignore case); empty when neither grammar accepts the statement, which only costs the
     *         applier this knowledge (the history's definition still applies)
     */
    static Map<String, Declared> parse(String ddl) {
        try {
            return toMap(RenameParser.walk(ddl, MySqlLexer::new, MySqlParser::new, p -> ((MySqlParser) p).root(),
                    MySqlAdds::new));
        } catch (RenameParser.SyntaxError e) {
            // the MariaDB grammar below
        }
        try {
            return toMap(RenameParser.walk(ddl, MariaDBLexer::new, MariaDBParser::new,
                    p -> ((MariaDBParser) p).root(), MariaDbAdds::new));
        } catch (RenameParser.SyntaxError e) {
            return Map.of();
        }
    }

    private static Map<String, Declared> toMap(List<Map.Entry<String, Declared>> clauses) {
        Map<String, Declared> out = new HashMap<>();
        clauses.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static final class MySqlAdds extends MySqlParserBaseListener {
        private final List<Map.Entry<String, Declared>> out;

        MySqlAdds(List<Map.Entry<String, Declared>> out) {
            this.out = out;
        }

        @Override
        public void enterColumnDefinition(MySqlParser.ColumnDefinitionContext ctx) {
            ParserRuleContext name;
            if (ctx.getParent() instanceof MySqlParser.AlterByAddColumnContext add) {
                name = add.uid(0);
            } else if (ctx.getParent() instanceof MySqlParser.AlterByAddColumnsContext adds) {
                name = adds.uid(adds.columnDefinition().indexOf(ctx));
            } else {
                return;
            }
            boolean generated = false;
            String defaultValue = null;
            for (MySqlParser.ColumnConstraintContext c : ctx.columnConstraint()) {
                if (c instanceof MySqlParser.GeneratedColumnConstraintContext) {
                    generated = true;
                } else if (c instanceof MySqlParser.DefaultColumnConstraintContext d) {
                    defaultValue = original(d.defaultValue());
                }
            }
            put(out, name, generated, defaultValue);
        }
    }

    private static final class MariaDbAdds extends MariaDBParserBaseListener {
        private final List<Map.Entry<String, Declared>> out;

        MariaDbAdds(List<Map.Entry<String, Declared>> out) {
            this.out = out;
        }

        @Override
        public void enterColumnDefinition(MariaDBParser.ColumnDefinitionContext ctx) {
            ParserRuleContext name;
            if (ctx.getParent() instanceof MariaDBParser.AlterByAddColumnContext add) {
                name = add.uid(0);
            } else if (ctx.getParent() instanceof MariaDBParser.AlterByAddColumnsContext adds) {
                name = adds.uid(adds.columnDefinition().indexOf(ctx));
            } else {
                return;
            }
            boolean generated = false;
            String defaultValue = null;
            for (MariaDBParser.ColumnConstraintContext c : ctx.columnConstraint()) {
                if (c instanceof MariaDBParser.GeneratedColumnConstraintContext) {
                    generated = true;
                } else if (c instanceof MariaDBParser.DefaultColumnConstraintContext d) {
                    defaultValue = original(d.defaultValue());
                }
            }
            put(out, name, generated, defaultValue);
        }
    }

    private static void put(List<Map.Entry<String, Declared>> out, ParserRuleContext name, boolean generated,
            String defaultValue) {
        out.add(Map.entry(Identifiers.unquote(name.getText()).toLowerCase(Locale.ROOT), new Declared(generated, defaultValue)));
    }

    /** The text as the statement spells it (the lexer saw it upper-cased), spaces included. */
    private static String original(ParserRuleContext ctx) {
        return ctx.start.getInputStream().getText(Interval.of(ctx.start.getStartIndex(), ctx.stop.getStopIndex()));
    }
}
