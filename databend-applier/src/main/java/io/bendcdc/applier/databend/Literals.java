package io.bendcdc.applier.databend;

import io.bendcdc.applier.type.DatabendType;

/**
 * SQL literals for decoded source values, exact for every Databend type the applier uses:
 * {@code NULL}; {@code TRUE}/{@code FALSE}; bare integers; {@code CAST('…' AS Decimal(p, s))}
 * (never a float); {@code '…'} strings with {@code '} doubled and {@code \} escaped (Databend
 * reads backslash escapes in string literals); {@code FROM_HEX('…')} for Binary;
 * {@code TO_TIMESTAMP(µs, 6)} for Timestamp; {@code PARSE_JSON('…')} for Variant.
 */
public final class Literals {

    private Literals() {
    }

    public static String of(DatabendType type, Object value) {
        if (value == null) {
            return "NULL";
        }
        String text = ValueText.of(type, value);
        return switch (type.kind()) {
            case BOOLEAN -> Boolean.parseBoolean(text) ? "TRUE" : "FALSE";
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64 -> text;
            case TIMESTAMP -> "TO_TIMESTAMP(" + text + ", 6)";
            default -> ValueText.toSql(type, string(text));
        };
    }

    /** A Databend string literal holding exactly {@code s}. */
    public static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\'' -> sb.append("''");
                case '\\' -> sb.append("\\\\");
                // Control characters would pass raw too; escaped they keep statements and logs readable.
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                // A NUL goes raw: after \0 a digit would make an octal escape of both ('\024' is 0x14),
                // and the VALUES of REPLACE and INSERT do not read \x00.
                default -> sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }
}
