package io.bendcdc.applier.databend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.bendcdc.applier.ApplyException;
import io.bendcdc.config.TinyInt1Type;
import io.bendcdc.contract.BinlogPosition;
import io.bendcdc.contract.ColumnChange;
import io.bendcdc.contract.ColumnChange.AddColumn;
import io.bendcdc.contract.ColumnChange.DropColumn;
import io.bendcdc.contract.ColumnChange.ModifyColumn;
import io.bendcdc.contract.ColumnChange.RenameColumn;
import io.bendcdc.contract.ColumnSchema;
import io.bendcdc.contract.SchemaChange;
import io.bendcdc.contract.TableId;
import io.bendcdc.contract.TableSchema;

/**
 * The source database {@code shop} is written to the Databend database {@code dw}. Databend is
 * played by a map of table → columns, with types spelled as {@code system.columns} spells them
 * ({@code Int32}, {@code Nullable(String)}, {@code Decimal(12, 2)}).
 */
class SchemaReconcilerTest {

    private static final Map<String, String> SHOP_TO_DW = Map.of("shop", "dw");
    private static final TableId ITEMS = new TableId("shop", "items");
    private static final TableId DW_ITEMS = new TableId("dw", "items");
    private static final BinlogPosition AT = BinlogPosition.of("mysql-bin.000003", 4711, 0);

    private static final ColumnSchema ID = column("id", "INT", null, null, false);
    private static final ColumnSchema NAME = column("name", "VARCHAR", 20, null, true);
    private static final ColumnSchema PRICE = column("price", "DECIMAL", 12, 2, true);

    private final SchemaReconciler reconciler = new SchemaReconciler(TinyInt1Type.BOOLEAN, 1000);
    private final Map<TableId, Map<String, String>> databend = new HashMap<>();
    private final SchemaReconciler.Actual actual = databend::get;

    // ensure()

    @Test
    void givenNoTable_whenEnsured_thenTheDatabaseAndTheTableAreCreatedWithTheSourceColumnsInOrder() {
        TableSchema schema = table(ITEMS, ID, NAME, PRICE);

        assertThat(reconciler.ensure(DW_ITEMS, schema, actual).statements()).containsExactly(
                "CREATE DATABASE IF NOT EXISTS \"dw\"",
                "CREATE TABLE IF NOT EXISTS \"dw\".\"items\" (\"id\" Int32 NOT NULL, \"name\" String NULL, "
                        + "\"price\" Decimal(12, 2) NULL) row_per_block = 1000");
    }

    @Test
    void givenATableLackingSomeColumns_whenEnsured_thenOnlyTheMissingColumnsAreAdded() {
        databend.put(DW_ITEMS, columns("id", "Int32", "name", "Nullable(String)"));
        ColumnSchema stock = column("stock", "INT", null, null, false, "0");

        assertThat(reconciler.ensure(DW_ITEMS, table(ITEMS, ID, NAME, PRICE, stock), actual).statements()).containsExactly(
                "ALTER TABLE \"dw\".\"items\" ADD COLUMN \"price\" Decimal(12, 2) NULL",
                "ALTER TABLE \"dw\".\"items\" ADD COLUMN \"stock\" Int32 NOT NULL DEFAULT 0");
    }

    @Test
    void givenATableWithEveryColumn_whenEnsured_thenNothingIsPlanned() {
        databend.put(DW_ITEMS, columns("id", "Int32", "name", "Nullable(String)", "price", "Nullable(Decimal(12, 2))"));

        assertThat(reconciler.ensure(DW_ITEMS, table(ITEMS, ID, NAME, PRICE), actual).statements()).isEmpty();
    }

    // CREATE TABLE

    @Test
    void givenACreatedTable_whenPlanned_thenItIsCreatedInTheMappedDatabase() {
        SchemaChange create = new SchemaChange.CreateTable(table(ITEMS, ID, NAME), AT, "CREATE TABLE items (...)");

        assertThat(reconciler.plan(create, SHOP_TO_DW, actual).statements()).containsExactly(
                "CREATE DATABASE IF NOT EXISTS \"dw\"",
                "CREATE TABLE IF NOT EXISTS \"dw\".\"items\" (\"id\" Int32 NOT NULL, \"name\" String NULL) "
                        + "row_per_block = 1000");
    }

    @Test
    void givenADatabaseWithoutMapping_whenATableIsCreated_thenItKeepsItsSourceDatabaseName() {
        SchemaChange create = new SchemaChange.CreateTable(table(new TableId("crm", "leads"), ID), AT, "CREATE TABLE leads");

        assertThat(reconciler.plan(create, SHOP_TO_DW, actual).statements()).containsExactly(
                "CREATE DATABASE IF NOT EXISTS \"crm\"",
                "CREATE TABLE IF NOT EXISTS \"crm\".\"leads\" (\"id\" Int32 NOT NULL) row_per_block = 1000");
    }

    @Test
    void givenACreateAlreadyApplied_whenReplayed_thenNothingIsPlanned() {
        databend.put(DW_ITEMS, columns("id", "Int32", "name", "Nullable(String)"));
        SchemaChange create = new SchemaChange.CreateTable(table(ITEMS, ID, NAME), AT, "CREATE TABLE items (...)");

        assertThat(reconciler.plan(create, SHOP_TO_DW, actual).statements()).isEmpty();
    }

    // DROP TABLE

    @Test
    void givenADroppedTable_whenPlanned_thenItIsDroppedIfItExistsWhetherOrNotItDoes() {
        SchemaChange drop = new SchemaChange.DropTable(ITEMS, AT, "DROP TABLE items");

        assertThat(reconciler.plan(drop, SHOP_TO_DW, actual).statements()).containsExactly("DROP TABLE IF EXISTS \"dw\".\"items\"");
        databend.put(DW_ITEMS, columns("id", "Int32"));
        assertThat(reconciler.plan(drop, SHOP_TO_DW, actual).statements()).containsExactly("DROP TABLE IF EXISTS \"dw\".\"items\"");
    }

    // RENAME TABLE

    @Test
    void givenARenameInOneDatabase_whenTheOldTableExists_thenItIsRenamedWithItsData() {
        databend.put(DW_ITEMS, columns("id", "Int32"));

        assertThat(reconciler.plan(rename(ITEMS, new TableId("shop", "goods")), SHOP_TO_DW, actual).statements())
                .containsExactly("ALTER TABLE \"dw\".\"items\" RENAME TO \"goods\"");
    }

    @Test
    void givenARenameAlreadyApplied_whenReplayed_thenNothingIsPlanned() {
        databend.put(new TableId("dw", "goods"), columns("id", "Int32"));

        assertThat(reconciler.plan(rename(ITEMS, new TableId("shop", "goods")), SHOP_TO_DW, actual).statements()).isEmpty();
    }

    @Test
    void givenARenameOfATableDatabendNeverHad_whenPlanned_thenTheNewTableIsCreated() {
        assertThat(reconciler.plan(rename(ITEMS, new TableId("shop", "goods")), SHOP_TO_DW, actual).statements()).containsExactly(
                "CREATE DATABASE IF NOT EXISTS \"dw\"",
                "CREATE TABLE IF NOT EXISTS \"dw\".\"goods\" (\"id\" Int32 NOT NULL) row_per_block = 1000");
    }

    @Test
    void givenTwoSourceDatabasesMappedToOne_whenATableMovesBetweenThem_thenItIsRenamedInsideThatDatabase() {
        Map<String, String> bothToDw = Map.of("shop", "dw", "archive", "dw");
        databend.put(DW_ITEMS, columns("id", "Int32"));

        assertThat(reconciler.plan(rename(ITEMS, new TableId("archive", "items_2023")), bothToDw, actual).statements())
                .containsExactly("ALTER TABLE \"dw\".\"items\" RENAME TO \"items_2023\"");
    }

    @Test
    void givenAMoveToAnotherDatabendDatabase_whenTheOldTableExists_thenItFailsRatherThanLoseTheData() {
        databend.put(DW_ITEMS, columns("id", "Int32"));
        SchemaChange move = rename(ITEMS, new TableId("archive", "items"));

        assertThatThrownBy(() -> reconciler.plan(move, SHOP_TO_DW, actual).statements())
                .isInstanceOf(ApplyException.class)
                .hasMessageContaining("cannot apply exactly")
                .hasMessageContaining("RENAME TABLE shop.items TO archive.items")
                .hasMessageContaining("moves dw.items to another Databend database (archive)");
    }

    @Test
    void givenAMoveToAnotherDatabendDatabase_whenTheOldTableDoesNotExist_thenTheTableIsCreatedThere() {
        assertThat(reconciler.plan(rename(ITEMS, new TableId("archive", "items")), SHOP_TO_DW, actual).statements()).containsExactly(
                "CREATE DATABASE IF NOT EXISTS \"archive\"",
                "CREATE TABLE IF NOT EXISTS \"archive\".\"items\" (\"id\" Int32 NOT NULL) row_per_block = 1000");
    }

    @Test
    void givenAMoveToAnotherDatabendDatabase_whenAlreadyApplied_thenNothingIsPlanned() {
        databend.put(new TableId("archive", "items"), columns("id", "Int32"));

        assertThat(reconciler.plan(rename(ITEMS, new TableId("archive", "items")), SHOP_TO_DW, actual).statements()).isEmpty();
    }

    // ALTER TABLE

    @Test
    void givenAnAlteredTableDatabendDoesNotHave_whenPlanned_thenItIsCreatedAsTheAlterLeftIt() {
        SchemaChange alter = alter(table(ITEMS, ID), table(ITEMS, ID, NAME), new AddColumn(NAME));

        assertThat(reconciler.plan(alter, SHOP_TO_DW, actual).statements()).containsExactly(
                "CREATE DATABASE IF NOT EXISTS \"dw\"",
                "CREATE TABLE IF NOT EXISTS \"dw\".\"items\" (\"id\" Int32 NOT NULL, \"name\" String NULL) "
                        + "row_per_block = 1000");
    }

    @Test
    void givenAnAddedColumnWithADefault_whenPlanned_thenTheRowsAlreadyThereGetTheDefault() {
        databend.put(DW_ITEMS, columns("id", "Int32"));
        ColumnSchema status = column("status", "VARCHAR", 5, null, false, "new");

        assertThat(reconciler.plan(alter(table(ITEMS, ID), table(ITEMS, ID, status), new AddColumn(status)),
                SHOP_TO_DW, actual).statements())
                .containsExactly("ALTER TABLE \"dw\".\"items\" ADD COLUMN \"status\" String NOT NULL DEFAULT 'new'");
    }

    @ParameterizedTest(name = "{0}({1},{2}) NULL DEFAULT {3} -> {4}")
    @CsvSource(nullValues = "-", delimiter = '|', quoteCharacter = '"', value = {
            "INT              | -  | - | 42     | Int32 NULL DEFAULT 42",
            "BIGINT UNSIGNED  | -  | - | 18446744073709551615 | UInt64 NULL DEFAULT 18446744073709551615",
            "SMALLINT         | -  | - | -7     | Int16 NULL DEFAULT -7",
            "DECIMAL          | 12 | 2 | 9.95   | Decimal(12, 2) NULL DEFAULT CAST('9.95' AS Decimal(12, 2))",
            "DOUBLE           | -  | - | 0.5    | Float64 NULL DEFAULT CAST('0.5' AS Float64)",
            "VARCHAR          | 10 | - | it's   | String NULL DEFAULT 'it''s'",
            "ENUM             | -  | - | small  | String NULL DEFAULT 'small'",
            "VARCHAR          | 10 | - | NULL   | String NULL",
            "INT              | -  | - | -      | Int32 NULL",
    })
    void givenAnAddedColumn_whenItsDefaultIsAConstant_thenItIsWrittenAsALiteralOfTheColumnType(String type,
            Integer length, Integer scale, String defaultExpression, String definition) {
        databend.put(DW_ITEMS, columns("id", "Int32"));
        ColumnSchema c = column("c", type, length, scale, true, defaultExpression);

        assertThat(reconciler.plan(alter(table(ITEMS, ID), table(ITEMS, ID, c), new AddColumn(c)), SHOP_TO_DW, actual).statements())
                .containsExactly("ALTER TABLE \"dw\".\"items\" ADD COLUMN \"c\" " + definition);
    }

    @Test
    void givenAddedColumnsWhoseValuesCannotBeDerived_whenPlanned_thenTheyAreNullableAndReportedForARereadOfTheTable() {
        databend.put(DW_ITEMS, columns("id", "Int32"));
        ColumnSchema at = column("at", "TIMESTAMP", 6, null, false, "CURRENT_TIMESTAMP(6)");
        ColumnSchema g = column("g", "INT", null, null, true);
        ColumnSchema n = column("n", "INT", null, null, true, "7");

        SchemaReconciler.Plan plan = reconciler.plan(alter(table(ITEMS, ID), table(ITEMS, ID, at, g, n),
                new AddColumn(at), new AddColumn(g, new ColumnChange.Declared(true, null)), new AddColumn(n)),
                SHOP_TO_DW, actual);

        assertThat(plan.statements()).containsExactly(
                "ALTER TABLE \"dw\".\"items\" ADD COLUMN \"at\" Timestamp NULL",
                "ALTER TABLE \"dw\".\"items\" ADD COLUMN \"g\" Int32 NULL",
                "ALTER TABLE \"dw\".\"items\" ADD COLUMN \"n\" Int32 NULL DEFAULT 7");
        assertThat(plan.unknown()).extracting(SchemaReconciler.UnknownValues::source, SchemaReconciler.UnknownValues::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ITEMS, "at"), org.assertj.core.groups.Tuple.tuple(ITEMS, "g"));
    }

    @Test
    void givenAnUnderivableColumnAlreadyThere_whenReplayed_thenNothingIsPlannedNorReread() {
        databend.put(DW_ITEMS, columns("id", "Int32", "at", "Nullable(Timestamp)"));
        ColumnSchema at = column("at", "TIMESTAMP", 6, null, false, "CURRENT_TIMESTAMP(6)");

        SchemaReconciler.Plan plan = reconciler.plan(alter(table(ITEMS, ID), table(ITEMS, ID, at), new AddColumn(at)),
                SHOP_TO_DW, actual);

        assertThat(plan.statements()).isEmpty();
        assertThat(plan.unknown()).isEmpty();
    }

    @Test
    void givenATableWithoutKey_whenAnUnderivableColumnIsAdded_thenItIsNotReread() {
        databend.put(DW_ITEMS, columns("id", "Int32"));
        ColumnSchema at = column("at", "TIMESTAMP", 6, null, false, "CURRENT_TIMESTAMP(6)");
        TableSchema keyless = new TableSchema(ITEMS, List.of(ID, at), List.of());

        SchemaReconciler.Plan plan = reconciler.plan(new SchemaChange.AlterTable(new TableSchema(ITEMS, List.of(ID),
                List.of()), keyless, List.of(new AddColumn(at)), AT, "ALTER TABLE items ADD COLUMN at ..."), SHOP_TO_DW,
                actual);

        assertThat(plan.statements()).hasSize(1);
        assertThat(plan.unknown()).isEmpty();
    }

    @Test
    void givenADroppedColumn_whenPlanned_thenItIsDropped() {
        databend.put(DW_ITEMS, columns("id", "Int32", "name", "Nullable(String)"));

        assertThat(reconciler.plan(alter(table(ITEMS, ID, NAME), table(ITEMS, ID), new DropColumn(NAME)),
                SHOP_TO_DW, actual).statements())
                .containsExactly("ALTER TABLE \"dw\".\"items\" DROP COLUMN \"name\"");
    }

    @Test
    void givenARenamedColumn_whenPlanned_thenItIsRenamedAndKeepsItsData() {
        databend.put(DW_ITEMS, columns("id", "Int32", "name", "Nullable(String)"));
        ColumnSchema title = column("title", "VARCHAR", 20, null, true);

        assertThat(reconciler.plan(alter(table(ITEMS, ID, NAME), table(ITEMS, ID, title),
                new RenameColumn("name", "title")), SHOP_TO_DW, actual).statements())
                .containsExactly("ALTER TABLE \"dw\".\"items\" RENAME COLUMN \"name\" TO \"title\"");
    }

    @Test
    void givenAColumnRenamedAndRetyped_whenPlanned_thenItIsRenamedThenModifiedUnderItsNewName() {
        databend.put(DW_ITEMS, columns("id", "Int32", "qty", "Nullable(Int32)"));
        ColumnSchema qty = column("qty", "INT", null, null, true);
        ColumnSchema amount = column("amount", "BIGINT", null, null, true);

        assertThat(reconciler.plan(alter(table(ITEMS, ID, qty), table(ITEMS, ID, amount),
                new RenameColumn("qty", "amount"), new ModifyColumn(qty, amount)), SHOP_TO_DW, actual).statements())
                .containsExactly(
                        "ALTER TABLE \"dw\".\"items\" RENAME COLUMN \"qty\" TO \"amount\"",
                        "ALTER TABLE \"dw\".\"items\" MODIFY COLUMN \"amount\" Int64 NULL");
    }

    @Test
    void givenAColumnRenamedAndItsOldNameAddedAgain_whenPlanned_thenRenameThenAdd() {
        databend.put(DW_ITEMS, columns("id", "Int32", "name", "Nullable(String)"));
        ColumnSchema title = column("title", "VARCHAR", 20, null, true);
        ColumnSchema newName = column("name", "TEXT", null, null, true);

        assertThat(reconciler.plan(alter(table(ITEMS, ID, NAME), table(ITEMS, ID, title, newName),
                new RenameColumn("name", "title"), new AddColumn(newName)), SHOP_TO_DW, actual).statements())
                .containsExactly(
                        "ALTER TABLE \"dw\".\"items\" RENAME COLUMN \"name\" TO \"title\"",
                        "ALTER TABLE \"dw\".\"items\" ADD COLUMN \"name\" String NULL");
    }

    @Test
    void givenAWiderType_whenModified_thenTheColumnTypeIsChanged() {
        databend.put(DW_ITEMS, columns("id", "Int32", "price", "Nullable(Decimal(12, 2))"));
        ColumnSchema wider = column("price", "DECIMAL", 14, 4, true);

        assertThat(reconciler.plan(alter(table(ITEMS, ID, PRICE), table(ITEMS, ID, wider), new ModifyColumn(PRICE, wider)),
                SHOP_TO_DW, actual).statements())
                .containsExactly("ALTER TABLE \"dw\".\"items\" MODIFY COLUMN \"price\" Decimal(14, 4) NULL");
    }

    @Test
    void givenANotNullColumnMadeNullable_whenModified_thenOnlyItsNullabilityChanges() {
        databend.put(DW_ITEMS, columns("id", "Int32", "qty", "Int32"));
        ColumnSchema before = column("qty", "INT", null, null, false);
        ColumnSchema after = column("qty", "INT", null, null, true);

        assertThat(reconciler.plan(alter(table(ITEMS, ID, before), table(ITEMS, ID, after), new ModifyColumn(before, after)),
                SHOP_TO_DW, actual).statements())
                .containsExactly("ALTER TABLE \"dw\".\"items\" MODIFY COLUMN \"qty\" Int32 NULL");
    }

    @Test
    void givenAModificationThatKeepsTheDatabendType_whenPlanned_thenNothingIsPlanned() {
        databend.put(DW_ITEMS, columns("id", "Int32", "name", "Nullable(String)"));
        ColumnSchema longer = column("name", "VARCHAR", 200, null, true, "unknown");

        assertThat(reconciler.plan(alter(table(ITEMS, ID, NAME), table(ITEMS, ID, longer), new ModifyColumn(NAME, longer)),
                SHOP_TO_DW, actual).statements()).isEmpty();
    }

    @Test
    void givenAnAlterOfEveryKindAlreadyApplied_whenReplayed_thenNothingIsPlanned() {
        ColumnSchema qty = column("qty", "INT", null, null, true);
        ColumnSchema amount = column("amount", "BIGINT", null, null, true);
        ColumnSchema stock = column("stock", "INT", null, null, false, "0");
        ColumnSchema wider = column("price", "DECIMAL", 14, 4, true);
        SchemaChange alter = alter(table(ITEMS, ID, NAME, PRICE, qty), table(ITEMS, ID, wider, amount, stock),
                new RenameColumn("qty", "amount"), new DropColumn(NAME), new AddColumn(stock),
                new ModifyColumn(qty, amount), new ModifyColumn(PRICE, wider));
        databend.put(DW_ITEMS, columns("id", "Int32", "price", "Nullable(Decimal(14, 4))", "amount", "Nullable(Int64)",
                "stock", "Int32"));

        assertThat(reconciler.plan(alter, SHOP_TO_DW, actual).statements()).isEmpty();
    }

    @Test
    void givenAnAlterOfEveryKind_whenPlanned_thenEachStepIsIssuedInTheOrderGiven() {
        ColumnSchema qty = column("qty", "INT", null, null, true);
        ColumnSchema amount = column("amount", "BIGINT", null, null, true);
        ColumnSchema stock = column("stock", "INT", null, null, false, "0");
        ColumnSchema wider = column("price", "DECIMAL", 14, 4, true);
        SchemaChange alter = alter(table(ITEMS, ID, NAME, PRICE, qty), table(ITEMS, ID, wider, amount, stock),
                new RenameColumn("qty", "amount"), new DropColumn(NAME), new AddColumn(stock),
                new ModifyColumn(qty, amount), new ModifyColumn(PRICE, wider));
        databend.put(DW_ITEMS, columns("id", "Int32", "name", "Nullable(String)", "price", "Nullable(Decimal(12, 2))",
                "qty", "Nullable(Int32)"));

        assertThat(reconciler.plan(alter, SHOP_TO_DW, actual).statements()).containsExactly(
                "ALTER TABLE \"dw\".\"items\" RENAME COLUMN \"qty\" TO \"amount\"",
                "ALTER TABLE \"dw\".\"items\" DROP COLUMN \"name\"",
                "ALTER TABLE \"dw\".\"items\" ADD COLUMN \"stock\" Int32 NOT NULL DEFAULT 0",
                "ALTER TABLE \"dw\".\"items\" MODIFY COLUMN \"amount\" Int64 NULL",
                "ALTER TABLE \"dw\".\"items\" MODIFY COLUMN \"price\" Decimal(14, 4) NULL");
    }

    @Test
    void givenAnAlterHalfApplied_whenReplayed_thenOnlyTheRemainingStepsArePlanned() {
        ColumnSchema title = column("title", "VARCHAR", 20, null, true);
        ColumnSchema stock = column("stock", "INT", null, null, true);
        SchemaChange alter = alter(table(ITEMS, ID, NAME, PRICE), table(ITEMS, ID, title, stock),
                new RenameColumn("name", "title"), new DropColumn(PRICE), new AddColumn(stock));
        databend.put(DW_ITEMS, columns("id", "Int32", "title", "Nullable(String)", "price", "Nullable(Decimal(12, 2))"));

        assertThat(reconciler.plan(alter, SHOP_TO_DW, actual).statements()).containsExactly(
                "ALTER TABLE \"dw\".\"items\" DROP COLUMN \"price\"",
                "ALTER TABLE \"dw\".\"items\" ADD COLUMN \"stock\" Int32 NULL");
    }

    @Test
    void givenDatabendColumnsThatTheStepsCannotTurnIntoTheSourceColumns_whenPlanned_thenItFailsNamingTheStatement() {
        databend.put(DW_ITEMS, columns("id", "Int32", "legacy", "Nullable(String)"));
        SchemaChange alter = new SchemaChange.AlterTable(table(ITEMS, ID), table(ITEMS, ID, NAME),
                List.of(new AddColumn(NAME)), AT, "ALTER TABLE items\n    ADD COLUMN name VARCHAR(20)");

        assertThatThrownBy(() -> reconciler.plan(alter, SHOP_TO_DW, actual).statements())
                .isInstanceOf(ApplyException.class)
                .hasMessageContaining("cannot apply exactly: after ALTER TABLE items ADD COLUMN name VARCHAR(20)")
                .hasMessageContaining("the source table shop.items has columns [id, name]")
                .hasMessageContaining("Databend's dw.items would have [id, legacy, name]");
    }

    // helpers

    private static SchemaChange rename(TableId from, TableId to) {
        return new SchemaChange.RenameTable(from, to, table(to, ID), AT, "RENAME TABLE " + from + " TO " + to);
    }

    private static SchemaChange alter(TableSchema before, TableSchema after, ColumnChange... changes) {
        return new SchemaChange.AlterTable(before, after, List.of(changes), AT, "ALTER TABLE items ...");
    }

    private static TableSchema table(TableId id, ColumnSchema... columns) {
        return new TableSchema(id, List.of(columns), List.of("id"));
    }

    /** Databend's columns, name then type, as system.columns lists them. */
    private static Map<String, String> columns(String... nameThenType) {
        Map<String, String> cols = new LinkedHashMap<>();
        for (int i = 0; i < nameThenType.length; i += 2) {
            cols.put(nameThenType[i], nameThenType[i + 1]);
        }
        return cols;
    }

    private static ColumnSchema column(String name, String type, Integer length, Integer scale, boolean optional) {
        return new ColumnSchema(name, 1, type, null, Types.OTHER, length, scale, optional, false, false, null, null, null);
    }

    /** A column with a default, as Debezium reports it; a null expression is a column without a default. */
    private static ColumnSchema column(String name, String type, Integer length, Integer scale, boolean optional,
            String defaultExpression) {
        return new ColumnSchema(name, 1, type, null, Types.OTHER, length, scale, optional, false,
                defaultExpression != null, defaultExpression, null, null);
    }
}
