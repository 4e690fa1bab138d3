package io.bendcdc.history;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.ParseTreeWalker;
import org.antlr.v4.runtime.tree.TerminalNode;

import io.bendcdc.contract.TableId;
import io.debezium.antlr.CaseChangingCharStream;
import io.debezium.ddl.parser.mariadb.generated.MariaDBLexer;
import io.debezium.ddl.parser.mariadb.generated.MariaDBParser;
import io.debezium.ddl.parser.mariadb.generated.MariaDBParserBaseListener;
import io.debezium.ddl.parser.mysql.generated.MySqlLexer;
import io.debezium.ddl.parser.mysql.generated.MySqlParser;
import io.debezium.ddl.parser.mysql.generated.MySqlParserBaseListener;

/**
 * Finds the renames a statement makes, which the structured table changes of the history do not
 * show:
 * <ul>
 * <li>columns renamed by ALTER TABLE ({@code RENAME COLUMN a TO b}, {@code CHANGE [COLUMN] a b
 * type}): the history shows only the table after the statement, so without this a rename would
 * look like a drop plus an add and the column's data would be lost in the target;</li>
 * <li>tables renamed by RENAME TABLE where the history has no table change: Debezium records each
 * pair of {@code RENAME TABLE b TO tmp, c TO b, tmp TO c} on its own, with the tables as the whole
 * statement leaves them, so a name gone by the end ({@code tmp}) has none.</li>
 * </ul>
 *
 * <p>Parses with the ANTLR grammars Debezium itself parses with: MySQL first, then MariaDB (the
 * MariaDB connector records statements only its own grammar may accept).
 */
final class RenameParser {

    /** {@code table} is the statement's table name without database, unquoted. */
    record ColumnRename(String table, String from, String to) {
    }

    /** A table renamed, names unquoted; a name without database is in the statement's default database. */
    record TableRename(TableId from, TableId to) {
    }

    private RenameParser() {
    }

    /**
     * The columns an ALTER TABLE renames.
     *
     * @throws SchemaHistoryException when neither grammar accepts the statement; the caller
     *                                cannot then tell a rename from a drop and an add
     */
    static List<ColumnRename> columns(String ddl) {
        return parse(ddl, "column renames", MySqlRenames::new, MariaDbRenames::new);
    }

    /**
     * The tables a RENAME TABLE renames, in statement order; {@code database} is the statement's
     * default database.
     *
     * @throws SchemaHistoryException when neither grammar accepts the statement
     */
    static List<TableRename> tables(String ddl, String database) {
        return parse(ddl, "table renames", out -> new MySqlTableRenames(out, database),
                out -> new MariaDbTableRenames(out, database));
    }

    private static <T> List<T> parse(String ddl, String what, Function<List<T>, ParseTreeListener> mysql,
            Function<List<T>, ParseTreeListener> mariadb) {
        SyntaxError mysqlError;
        try {
            return walk(ddl, MySqlLexer::new, MySqlParser::new, p -> ((MySqlParser) p).root(), mysql);
        } catch (SyntaxError e) {
            mysqlError = e;
        }
        try {
            return walk(ddl, MariaDBLexer::new, MariaDBParser::new, p -> ((MariaDBParser) p).root(), mariadb);
        } catch (SyntaxError e) {
            throw new SchemaHistoryException("cannot parse DDL to find " + what + " (MySQL grammar: "
                    + mysqlError.getMessage() + "; MariaDB grammar: " + e.getMessage() + "): " + ddl);
        }
    }

    /** Walks {@code listeners} over the statement's tree, collecting into a list; throws {@link SyntaxError}. */
    static <T> List<T> walk(String ddl, Function<CharStream, Lexer> lexers,
            Function<CommonTokenStream, Parser> parsers, Function<Parser, ParseTree> root,
            Function<List<T>, ParseTreeListener> listeners) {
        // the grammars' keywords are upper case; this stream only upper-cases what the lexer sees
        Lexer lexer = lexers.apply(new CaseChangingCharStream(CharStreams.fromString(ddl), true));
        lexer.removeErrorListeners();
        lexer.addErrorListener(FailOnError.INSTANCE);
        Parser parser = parsers.apply(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(FailOnError.INSTANCE);
        ParseTree tree = root.apply(parser);
        List<T> renames = new ArrayList<>();
        ParseTreeWalker.DEFAULT.walk(listeners.apply(renames), tree);
        return renames;
    }

    private static final class MySqlTableRenames extends MySqlParserBaseListener {
        private final List<TableRename> out;
        private final String database;

        MySqlTableRenames(List<TableRename> out, String database) {
            this.out = out;
            this.database = database;
        }

        @Override
        public void enterRenameTableClause(MySqlParser.RenameTableClauseContext ctx) {
            out.add(new TableRename(id(ctx.tableName(0).fullId().uid(), ctx.tableName(0).fullId().DOT_ID(), database),
                    id(ctx.tableName(1).fullId().uid(), ctx.tableName(1).fullId().DOT_ID(), database)));
        }
    }

    private static final class MariaDbTableRenames extends MariaDBParserBaseListener {
        private final List<TableRename> out;
        private final String database;

        MariaDbTableRenames(List<TableRename> out, String database) {
            this.out = out;
            this.database = database;
        }

        @Override
        public void enterRenameTableClause(MariaDBParser.RenameTableClauseContext ctx) {
            out.add(new TableRename(id(ctx.tableName(0).fullId().uid(), ctx.tableName(0).fullId().DOT_ID(), database),
                    id(ctx.tableName(1).fullId().uid(), ctx.tableName(1).fullId().DOT_ID(), database)));
        }
    }

    /** {@code db.t}, {@code `db`.`t`} or {@code t} (in {@code database}). */
    private static TableId id(List<? extends ParserRuleContext> uids, TerminalNode dotId, String database) {
        if (dotId != null) {
            return new TableId(Identifiers.unquote(uids.get(0).getText()),
                    Identifiers.unquote(dotId.getText().substring(1)));
        }
        if (uids.size() == 2) {
            return new TableId(Identifiers.unquote(uids.get(0).getText()), Identifiers.unquote(uids.get(1).getText()));
        }
        return new TableId(database, Identifiers.unquote(uids.get(0).getText()));
    }

    private static final class MySqlRenames extends MySqlParserBaseListener {
        private final List<ColumnRename> out;
        private String table;

        MySqlRenames(List<ColumnRename> out) {
            this.out = out;
        }

        @Override
        public void enterAlterTable(MySqlParser.AlterTableContext ctx) {
            table = lastName(ctx.tableName().fullId().uid(), ctx.tableName().fullId().DOT_ID());
        }

        @Override
        public void enterAlterByRenameColumn(MySqlParser.AlterByRenameColumnContext ctx) {
            add(out, table, ctx.oldColumn, ctx.newColumn);
        }

        @Override
        public void enterAlterByChangeColumn(MySqlParser.AlterByChangeColumnContext ctx) {
            add(out, table, ctx.oldColumn, ctx.newColumn);
        }
    }

    private static final class MariaDbRenames extends MariaDBParserBaseListener {
        private final List<ColumnRename> out;
        private String table;

        MariaDbRenames(List<ColumnRename> out) {
            this.out = out;
        }

        @Override
        public void enterAlterTable(MariaDBParser.AlterTableContext ctx) {
            table = lastName(ctx.tableName().fullId().uid(), ctx.tableName().fullId().DOT_ID());
        }

        @Override
        public void enterAlterByRenameColumn(MariaDBParser.AlterByRenameColumnContext ctx) {
            add(out, table, ctx.oldColumn, ctx.newColumn);
        }

        @Override
        public void enterAlterByChangeColumn(MariaDBParser.AlterByChangeColumnContext ctx) {
            add(out, table, ctx.oldColumn, ctx.newColumn);
        }
    }

    private static void add(List<ColumnRename> out, String table, ParserRuleContext from, ParserRuleContext to) {
        String f = Identifiers.unquote(from.getText());
        String t = Identifiers.unquote(to.getText());
        if (!f.equals(t)) { // CHANGE COLUMN c c BIGINT only modifies
            out.add(new ColumnRename(table, f, t));
        }
    }

    /** The table part of {@code db.t}, {@code `db`.`t`} or {@code t}. */
    private static String lastName(List<? extends ParserRuleContext> uids, TerminalNode dotId) {
        if (dotId != null) {
            return Identifiers.unquote(dotId.getText().substring(1)); // DOT_ID is ".name"
        }
        return Identifiers.unquote(uids.get(uids.size() - 1).getText());
    }

    /** Thrown at the first lexer or parser error, so that a broken tree is never walked. */
    static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private static final class FailOnError extends BaseErrorListener {
        static final FailOnError INSTANCE = new FailOnError();

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                String msg, RecognitionException e) {
            throw new SyntaxError("line " + line + ":" + column + " " + msg);
        }
    }
}
