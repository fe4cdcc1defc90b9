//! Windowed rendering of the timeline: its sections flattened into rows (year headings, month
//! headings, entries) with estimated heights, and the part of them a scrolled viewport needs.
//!
//! The page renders only the rows near the viewport; spacers above and below stand for the rest
//! at their estimated heights, so the scrollbar keeps the length of the whole list. A window
//! always starts and ends on a multiple of [`CHUNK`] rows, so scrolling re-renders a block at a
//! time rather than on every pixel, and it keeps the year and month headings of its first entry,
//! so the sticky year label and the sections stay whole.

use crate::timeline::{MonthSection, Node, YearSection};
use std::ops::Range;

/// Windows start and end on multiples of this many rows.
pub const CHUNK: usize = 16;

/// Estimated heights of the three kinds of row, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Heights {
    /// A year heading.
    pub year: f32,
    /// A month heading.
    pub month: f32,
    /// One entry.
    pub entry: f32,
}

/// One row of the flattened timeline: indices into its sections (a ranked list is one section of
/// one month).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A year's heading.
    Year {
        /// The year section.
        year: usize,
    },
    /// A month's heading.
    Month {
        /// The year section.
        year: usize,
        /// The month within it.
        month: usize,
    },
    /// An entry.
    Entry {
        /// The year section.
        year: usize,
        /// The month within it.
        month: usize,
        /// The node within the month.
        node: usize,
    },
}

/// The rows of a timeline and where each starts, at the estimated heights.
#[derive(Clone, Debug, PartialEq)]
pub struct Rows {
    rows: Vec<Row>,
    /// `tops[i]` is where row `i` starts; one more than the rows, the last the total height.
    tops: Vec<f32>,
    heights: Heights,
    /// Whether the rows have headings (not a ranked list).
    sectioned: bool,
}

/// The rows to render, and the heights that stand for the rows before and after them.
#[derive(Clone, Debug, PartialEq)]
pub struct Window {
    /// The rows rendered.
    pub range: Range<usize>,
    /// The space above the first rendered heading.
    pub before: f32,
    /// The space below the last rendered row.
    pub after: f32,
}

impl Rows {
    /// The rows of sectioned timeline: each month's heading is left out where it has none (the
    /// undated section).
    pub fn of_sections(sections: &[YearSection], heights: Heights) -> Rows {
        let mut rows = Vec::new();
        for (y, section) in sections.iter().enumerate() {
            rows.push(Row::Year { year: y });
            for (m, month) in section.months.iter().enumerate() {
                if month.month.is_some() {
                    rows.push(Row::Month { year: y, month: m });
                }
                rows.extend((0..month.nodes.len()).map(|n| Row::Entry {
                    year: y,
                    month: m,
                    node: n,
                }));
            }
        }
        Rows::new(rows, heights, true)
    }

    /// The rows of a ranked list: entries only, all in one section.
    pub fn ranked(entries: usize, heights: Heights) -> Rows {
        let rows = (0..entries)
            .map(|n| Row::Entry {
                year: 0,
                month: 0,
                node: n,
            })
            .collect();
        Rows::new(rows, heights, false)
    }

    fn new(rows: Vec<Row>, heights: Heights, sectioned: bool) -> Rows {
        let mut tops = Vec::with_capacity(rows.len() + 1);
        let mut at = 0.0f32;
        tops.push(at);
        for row in &rows {
            at += heights.of(row);
            tops.push(at);
        }
        Rows {
            rows,
            tops,
            heights,
            sectioned,
        }
    }

    /// The rows, in order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// How many rows there are.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The estimated height of the whole list.
    pub fn height(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// Where row `i` starts (the total height past the last row).
    pub fn top(&self, i: usize) -> f32 {
        self.tops[i.min(self.rows.len())]
    }

    /// Every row, as the window (for printing the whole view).
    pub fn all(&self) -> Window {
        Window {
            range: 0..self.rows.len(),
            before: 0.0,
            after: 0.0,
        }
    }

    /// The rows that overlap `from..to` (pixels from the top of the list), widened to whole
    /// [`CHUNK`]s.
    pub fn window(&self, from: f32, to: f32) -> Window {
        let n = self.rows.len();
        // The first row ending after `from`, and the first starting at or after `to`.
        let first = self.tops[1..].partition_point(|&end| end <= from);
        let last = self.tops[..n].partition_point(|&start| start < to);
        let start = (first.min(n) / CHUNK) * CHUNK;
        let end = last
            .max(start + 1)
            .div_ceil(CHUNK)
            .saturating_mul(CHUNK)
            .min(n);
        let start = start.min(end);
        // The headings of the first row's year and month are rendered with it.
        let heading = match self.rows.get(start) {
            Some(&Row::Month { .. }) if self.sectioned => self.heights.year,
            Some(&Row::Entry { year, month, .. }) if self.sectioned => {
                self.heights.year
                    + if self.has_month_heading(start, year, month) {
                        self.heights.month
                    } else {
                        0.0
                    }
            }
            _ => 0.0,
        };
        Window {
            before: (self.top(start) - heading).max(0.0),
            after: (self.height() - self.top(end)).max(0.0),
            range: start..end,
        }
    }

    /// Whether the month of the entry at `row` has a heading row before it.
    fn has_month_heading(&self, row: usize, year: usize, month: usize) -> bool {
        self.rows[..row]
            .iter()
            .rev()
            .take_while(|r| !matches!(r, Row::Year { .. }))
            .any(|r| *r == Row::Month { year, month })
    }
}

impl Heights {
    fn of(&self, row: &Row) -> f32 {
        match row {
            Row::Year { .. } => self.year,
            Row::Month { .. } => self.month,
            Row::Entry { .. } => self.entry,
        }
    }
}

/// The sections cut down to the rows of `range`: the year and month sections these rows belong
/// to, each with only its nodes in the range (and the headings of a section the range starts in).
pub fn cut(sections: &[YearSection], rows: &Rows, range: Range<usize>) -> Vec<YearSection> {
    let mut out: Vec<YearSection> = Vec::new();
    let mut at: Option<(usize, usize)> = None;
    for row in &rows.rows()[range] {
        let (year, month, node) = match *row {
            Row::Year { year } => {
                at = None;
                out.push(YearSection {
                    year: sections[year].year,
                    months: Vec::new(),
                });
                continue;
            }
            Row::Month { year, month } => (year, month, None),
            Row::Entry { year, month, node } => (year, month, Some(node)),
        };
        if out.is_empty() {
            out.push(YearSection {
                year: sections[year].year,
                months: Vec::new(),
            });
        }
        let target = out.last_mut().expect("a section was pushed");
        if at != Some((year, month)) {
            at = Some((year, month));
            target.months.push(MonthSection {
                month: sections[year].months[month].month,
                nodes: Vec::new(),
            });
        }
        if let Some(n) = node {
            let nodes: &mut Vec<Node> = &mut target.months.last_mut().expect("pushed").nodes;
            nodes.push(sections[year].months[month].nodes[n].clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Month;

    const H: Heights = Heights {
        year: 50.0,
        month: 30.0,
        entry: 100.0,
    };

    fn node(doc: u32) -> Node {
        Node { docs: vec![doc] }
    }

    /// 2019: March (20 entries), April (20); 2020: January (20); then 5 undated.
    fn sections() -> Vec<YearSection> {
        let month = |year, m, from: u32| MonthSection {
            month: Some(Month { year, month: m }),
            nodes: (from..from + 20).map(node).collect(),
        };
        vec![
            YearSection {
                year: Some(2019),
                months: vec![month(2019, 3, 0), month(2019, 4, 20)],
            },
            YearSection {
                year: Some(2020),
                months: vec![month(2020, 1, 40)],
            },
            YearSection {
                year: None,
                months: vec![MonthSection {
                    month: None,
                    nodes: (60..65).map(node).collect(),
                }],
            },
        ]
    }

    #[test]
    fn rows_flatten_headings_and_entries() {
        let rows = Rows::of_sections(&sections(), H);
        // 3 year headings, 3 month headings (the undated section has none), 65 entries.
        assert_eq!(rows.len(), 71);
        assert_eq!(rows.rows()[0], Row::Year { year: 0 });
        assert_eq!(rows.rows()[1], Row::Month { year: 0, month: 0 });
        assert_eq!(
            rows.rows()[2],
            Row::Entry {
                year: 0,
                month: 0,
                node: 0
            }
        );
        assert_eq!(rows.height(), 3.0 * 50.0 + 3.0 * 30.0 + 65.0 * 100.0);
        assert_eq!(rows.top(2), 80.0);
    }

    #[test]
    fn the_window_at_the_top_is_whole_chunks_from_the_start() {
        let rows = Rows::of_sections(&sections(), H);
        let w = rows.window(0.0, 900.0);
        assert_eq!(w.range, 0..CHUNK);
        assert_eq!(w.before, 0.0);
        assert_eq!(w.after, rows.height() - rows.top(CHUNK));
    }

    #[test]
    fn a_window_deep_in_the_list_keeps_its_headings_and_the_total_height() {
        let rows = Rows::of_sections(&sections(), H);
        let w = rows.window(3000.0, 3900.0);
        assert_eq!(w.range.start % CHUNK, 0);
        assert!(w.range.end.is_multiple_of(CHUNK) || w.range.end == rows.len());
        assert!(rows.top(w.range.start) <= 3000.0 && rows.top(w.range.end) >= 3900.0);
        let cut = cut(&sections(), &rows, w.range.clone());
        // Row 16 is an entry of 2019's March; its year and month headings come with it.
        assert_eq!(w.range.start, 16);
        assert_eq!(cut[0].year, Some(2019));
        assert_eq!(
            cut[0].months[0].month,
            Some(Month {
                year: 2019,
                month: 3
            })
        );
        assert_eq!(w.before, rows.top(16) - 50.0 - 30.0);
        let rendered: f32 = 50.0
            + 30.0
            + (w.range.clone())
                .map(|i| H.of(&rows.rows()[i]))
                .sum::<f32>();
        assert_eq!(w.before + rendered + w.after, rows.height());
    }

    #[test]
    fn cut_keeps_every_node_of_the_range_in_order() {
        let rows = Rows::of_sections(&sections(), H);
        let all = cut(&sections(), &rows, 0..rows.len());
        assert_eq!(all, sections());
        let tail = cut(&sections(), &rows, 60..rows.len());
        let docs: Vec<u32> = tail
            .iter()
            .flat_map(|y| &y.months)
            .flat_map(|m| &m.nodes)
            .map(|n| n.docs[0])
            .collect();
        assert_eq!(docs, (55..65).collect::<Vec<_>>());
        assert_eq!(tail.last().map(|y| y.year), Some(None));
    }

    #[test]
    fn windows_past_the_end_or_of_nothing_are_empty_or_the_last_chunk() {
        let rows = Rows::of_sections(&sections(), H);
        let w = rows.window(1e9, 1e9 + 900.0);
        assert_eq!(w.range.end, rows.len());
        assert!(!w.range.is_empty());
        let none = Rows::of_sections(&[], H);
        assert_eq!(none.window(0.0, 900.0).range, 0..0);
        let ranked = Rows::ranked(40, H);
        assert_eq!(ranked.window(0.0, 900.0).range, 0..CHUNK);
        assert_eq!(ranked.window(0.0, 900.0).before, 0.0);
    }
}
