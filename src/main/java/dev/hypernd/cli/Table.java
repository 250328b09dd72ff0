package dev.hypernd.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Columns aligned on the widest cell, two spaces apart, header in bold. Colour is added after
 * padding so that escape codes never skew the alignment.
 */
final class Table {
  /** A cell's text and its colour code, or {@code null} for none. */
  record Cell(String text, String colour) {
    static Cell plain(String text) {
      return new Cell(text, null);
    }
  }

  private final List<String> headers;
  private final List<List<Cell>> rows = new ArrayList<>();

  Table(String... headers) {
    this.headers = List.of(headers);
  }

  Table row(Cell... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "a row of " + cells.length + " cells in a table of " + headers.size() + " columns");
    }
    rows.add(List.of(cells));
    return this;
  }

  Table row(String... cells) {
    Cell[] plain = new Cell[cells.length];
    for (int i = 0; i < cells.length; i++) {
      plain[i] = Cell.plain(cells[i]);
    }
    return row(plain);
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  void print(PrintWriter out, Style style) {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<Cell> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).text().length());
      }
    }
    List<Cell> header = headers.stream().map(h -> new Cell(h, Style.BOLD)).toList();
    printRow(out, style, header, widths);
    for (List<Cell> row : rows) {
      printRow(out, style, row, widths);
    }
  }

  private static void printRow(PrintWriter out, Style style, List<Cell> row, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < row.size(); i++) {
      Cell cell = row.get(i);
      line.append(style.paint(cell.text(), cell.colour()));
      if (i < row.size() - 1) {
        line.append(" ".repeat(widths[i] - cell.text().length() + 2));
      }
    }
    out.println(line.toString().stripTrailing());
  }
}
