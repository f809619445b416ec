package io.botcore.core.market.csv;

/**
 * A candle CSV file cannot be read: the message names the file, the 1-based line and, where one is at
 * fault, the 1-based column, for example
 * {@code "btc.csv: line 7, column 3 (high): high 9.5 is below low 10.0"}.
 *
 * <p>Immutable and thread-safe.
 */
public final class CsvFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final int column;

    CsvFormatException(String source, long line, int column, String columnName, String problem) {
        super(source + ": line " + line + (column > 0 ? ", column " + column + " (" + columnName + ")" : "") + ": "
                + problem);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** The file (or other source) that was read. */
    public String source() {
        return source;
    }

    /** 1-based line number. */
    public long line() {
        return line;
    }

    /** 1-based column number, or 0 when the line as a whole is at fault. */
    public int column() {
        return column;
    }
}
