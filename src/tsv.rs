//! The compiled-in data tables (`src/data/*.tsv`): which of their lines hold data. A line
//! starting with `#` is a comment and a blank line separates groups; every table reads the
//! rest, one row a line, columns separated by tabs.

/// Whether `line` of a data table holds a row: neither a comment nor blank.
pub(crate) fn is_data_line(line: &str) -> bool {
    !line.starts_with('#') && !line.trim().is_empty()
}

/// The rows of a data table, in order.
pub(crate) fn data_lines(table: &str) -> impl Iterator<Item = &str> {
    table.lines().filter(|line| is_data_line(line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_no_rows() {
        let table = "# header\nЖШС\tТОО\n\n   \n# group\nАҚ\tАО\n";
        assert_eq!(
            data_lines(table).collect::<Vec<_>>(),
            ["ЖШС\tТОО", "АҚ\tАО"]
        );
    }
}
