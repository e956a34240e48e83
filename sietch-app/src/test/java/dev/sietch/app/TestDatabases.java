package dev.sietch.app;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Reads a database file directly, as an operator with sqlite3 would, for assertions. */
final class TestDatabases {

    private TestDatabases() {}

    /** Each row of the query's result as its columns joined by {@code |}. */
    static List<String> rows(Path db, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                var rs = c.createStatement().executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                var row = new StringJoiner("|");
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(rs.getString(i)));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
