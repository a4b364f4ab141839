package io.flywheelgates.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scorecard as the maintainers publish it in Markdown: a table with the columns {@code Tier |
 * Meaning | Repos | Count}, and a line giving the runner-dogfood count as "N of M" (optionally with
 * a percentage). Repos may be written as {@code owner/name} or just {@code name}, plain, in
 * backticks or as links, separated by commas or {@code <br>}.
 */
record PublishedScorecard(List<Row> rows, Dogfood dogfood) {

  /** One table row as written; {@code count} null when the cell is not a number. */
  record Row(int line, String tier, String tierCell, List<String> repos, Integer count) {}

  record Dogfood(int line, int counted, int of, Integer percent) {}

  private static final Pattern HEADER =
      Pattern.compile(
          "(?i)^\\|\\s*tier\\s*\\|\\s*meaning\\s*\\|\\s*repos\\s*\\|\\s*count\\s*\\|\\s*$");
  private static final Pattern SEPARATOR = Pattern.compile("^\\|(\\s*:?-+:?\\s*\\|)+\\s*$");
  private static final Pattern TIER = Pattern.compile("(?i)^(?:tier\\s*)?([0-9]+|x)$");
  private static final Pattern DOGFOOD =
      Pattern.compile(
          "(?i)runner[- ]dogfood\\b[^\\n]*?\\b(\\d+)\\s+of\\s+(\\d+)(?:[^\\n%]*?(\\d+(?:\\.\\d+)?)\\s*%)?");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern NO_REPOS = Pattern.compile("(?i)^(|-|—|–|none|n/a)$");

  boolean readable() {
    return !rows.isEmpty() || dogfood != null;
  }

  static PublishedScorecard parse(String text) {
    String[] lines = text.split("\\R", -1);
    List<Row> rows = new ArrayList<>();
    Dogfood dogfood = null;
    boolean inTable = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (HEADER.matcher(line).matches()) {
        inTable = rows.isEmpty();
        continue;
      }
      if (inTable) {
        if (SEPARATOR.matcher(line).matches()) {
          continue;
        }
        if (!line.startsWith("|")) {
          inTable = false;
        } else {
          rows.add(row(i + 1, line));
          continue;
        }
      }
      Matcher matcher = DOGFOOD.matcher(line);
      if (dogfood == null && matcher.find()) {
        dogfood =
            new Dogfood(
                i + 1,
                Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)),
                matcher.group(3) == null
                    ? null
                    : (int) Math.round(Double.parseDouble(matcher.group(3))));
      }
    }
    return new PublishedScorecard(List.copyOf(rows), dogfood);
  }

  private static Row row(int number, String line) {
    String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
    String[] cells = inner.split("\\|", -1);
    String tierCell = cell(cells, 0);
    Matcher tier = TIER.matcher(plain(tierCell));
    List<String> repos = new ArrayList<>();
    // "GloriousFlywheel (tinyland-docker, tinyland-nix)": what is in parentheses annotates a repo.
    String reposCell = plain(cell(cells, 2)).replaceAll("\\s*\\([^)]*\\)", "");
    if (!NO_REPOS.matcher(reposCell).matches()) {
      for (String repo : reposCell.split("\\s*(?:,|;|<br\\s*/?>)\\s*")) {
        String name = plain(repo);
        if (!name.isEmpty()) {
          repos.add(name);
        }
      }
    }
    Integer count = null;
    try {
      count = Integer.valueOf(plain(cell(cells, 3)));
    } catch (NumberFormatException e) {
      // Left null: the divergence says the count is not a number.
    }
    return new Row(
        number,
        tier.matches() ? tier.group(1).toUpperCase(Locale.ROOT) : null,
        tierCell,
        List.copyOf(repos),
        count);
  }

  private static String cell(String[] cells, int index) {
    return index < cells.length ? cells[index].strip() : "";
  }

  /** The text a reader sees: links reduced to their text, no emphasis or code marks. */
  private static String plain(String cell) {
    String text = LINK.matcher(cell).replaceAll("$1");
    return text.replace("`", "").replace("**", "").replace("*", "").strip();
  }
}
