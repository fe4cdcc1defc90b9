//! The histogram's time axis: its unit (days, weeks, months or years), where it starts and how
//! many bars it has, chosen for the view.
//!
//! Months over the corpus's whole span by default, so a chosen range is seen in its context;
//! years when the corpus spans decades. A range short enough is shown on its own, finer: in
//! days up to [`DAYS_UP_TO`] days, in weeks (from Monday) up to [`WEEKS_UP_TO`], so a brush across
//! it picks days.

use crate::model::{Date, Month};

/// A range of at most this many days is shown in days.
pub const DAYS_UP_TO: i32 = 92;
/// A range of at most this many days (and more than [`DAYS_UP_TO`]) is shown in weeks. Half a
/// year: a year is seen in months, beside the months around it (and the year before it, which
/// "Compare periods" sets it against).
pub const WEEKS_UP_TO: i32 = 183;
/// A corpus spanning more than this many months is shown in years.
pub const MONTHS_UP_TO: i32 = 360;

/// What one bar of the histogram counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A day.
    Day,
    /// A week, Monday to Sunday.
    Week,
    /// A calendar month.
    #[default]
    Month,
    /// A calendar year.
    Year,
}

impl Unit {
    /// "day", "week", "month", "year".
    pub fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }
}

/// The bars of a histogram: `bars` of one `unit`, the first starting on `first`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Axis {
    /// What one bar counts.
    pub unit: Unit,
    /// The first day of the first bar.
    pub first: Date,
    /// How many bars.
    pub bars: usize,
}

/// No bars (a corpus with no dated article).
impl Default for Axis {
    fn default() -> Axis {
        Axis {
            unit: Unit::Month,
            first: Date {
                year: 1970,
                month: 1,
                day: 1,
            },
            bars: 0,
        }
    }
}

impl Axis {
    /// The axis for a view with the range `from`..`to` over a corpus whose dated articles span
    /// `span` (its first and last dates); no bars when nothing is dated.
    pub fn choose(span: Option<(Date, Date)>, from: Option<Date>, to: Option<Date>) -> Axis {
        let Some((first, last)) = span else {
            return Axis::default();
        };
        if from.is_some() || to.is_some() {
            let (lo, hi) = (from.unwrap_or(first), to.unwrap_or(last));
            let days = hi.day_number() - lo.day_number() + 1;
            if (1..=DAYS_UP_TO).contains(&days) {
                return Axis::between(Unit::Day, lo, hi);
            }
            if (1..=WEEKS_UP_TO).contains(&days) {
                return Axis::between(Unit::Week, lo, hi);
            }
        }
        let months = Month::of(last).number() - Month::of(first).number() + 1;
        let unit = if months > MONTHS_UP_TO {
            Unit::Year
        } else {
            Unit::Month
        };
        Axis::between(unit, first, last)
    }

    /// The bars of `unit` that cover `from` to `to`.
    pub fn between(unit: Unit, from: Date, to: Date) -> Axis {
        let first = start_of(unit, from);
        let mut axis = Axis {
            unit,
            first,
            bars: 1,
        };
        axis.bars = axis.offset(to).max(0) as usize + 1;
        axis
    }

    /// How many bars after the first the bar of `date` is (negative before the axis).
    fn offset(&self, date: Date) -> i64 {
        let (a, b) = (self.first, date);
        i64::from(match self.unit {
            Unit::Day => b.day_number() - a.day_number(),
            Unit::Week => (b.day_number() - a.day_number()).div_euclid(7),
            Unit::Month => Month::of(b).number() - Month::of(a).number(),
            Unit::Year => i32::from(b.year) - i32::from(a.year),
        })
    }

    /// The bar of a date, if the axis has it.
    pub fn bar_of(&self, date: Date) -> Option<usize> {
        usize::try_from(self.offset(date))
            .ok()
            .filter(|&i| i < self.bars)
    }

    /// The bar of a date, clamped to the axis.
    pub fn clamped_bar(&self, date: Date) -> usize {
        let last = self.bars.saturating_sub(1);
        usize::try_from(self.offset(date).max(0)).map_or(last, |i| i.min(last))
    }

    /// The first day of bar `i`.
    pub fn start(&self, i: usize) -> Date {
        let i = i32::try_from(i).unwrap_or(i32::MAX);
        match self.unit {
            Unit::Day => self.first.plus_days(i),
            Unit::Week => self.first.plus_days(i.saturating_mul(7)),
            Unit::Month => Month::numbered(Month::of(self.first).number() + i).first_day(),
            Unit::Year => Date {
                year: self
                    .first
                    .year
                    .saturating_add(i16::try_from(i).unwrap_or(i16::MAX)),
                month: 1,
                day: 1,
            },
        }
    }

    /// The last day of bar `i`.
    pub fn end(&self, i: usize) -> Date {
        match self.unit {
            Unit::Day => self.start(i),
            Unit::Week => self.start(i).plus_days(6),
            Unit::Month => Month::of(self.start(i)).last_day(),
            Unit::Year => Date {
                month: 12,
                day: 31,
                ..self.start(i)
            },
        }
    }

    /// For people: "25 March 2019", "the week of 18 March 2019", "March 2019", "2019".
    pub fn label(&self, i: usize) -> String {
        let start = self.start(i);
        match self.unit {
            Unit::Day => start.long_form(),
            Unit::Week => format!("the week of {}", start.long_form()),
            Unit::Month => Month::of(start).long_form(),
            Unit::Year => start.year.to_string(),
        }
    }

    /// The labelled ticks under the bars, in order: (bar, label). Years on an axis of months or
    /// years; months ("Mar 2019", then "Apr") on one of weeks or days. At most `most` of them,
    /// at least `bars / most` bars apart (so labels never meet), the year named on the first
    /// and wherever it changes.
    pub fn ticks(&self, most: usize) -> Vec<(usize, String)> {
        let gap = self.bars.div_ceil(most.max(1)).max(1);
        let mut kept: Vec<(usize, Date)> = Vec::new();
        let mut previous: Option<Date> = None;
        for i in 0..self.bars {
            let start = self.start(i);
            let begins = match (self.unit, previous) {
                (Unit::Year, _) => true,
                (Unit::Month, None) => start.month <= 7,
                (Unit::Month, _) => start.month == 1,
                (Unit::Day | Unit::Week, None) => true,
                (Unit::Day | Unit::Week, Some(p)) => Month::of(p) != Month::of(start),
            };
            // Day and week ticks mark where a month begins: the month of a bar's first day.
            previous = Some(start);
            if !begins {
                continue;
            }
            match kept.last() {
                Some(&(at, _)) if i - at >= gap => kept.push((i, start)),
                // A month soon after the axis's first bar names its first whole month instead
                // of the few days of the one before.
                Some(&(0, _)) if kept.len() == 1 => kept[0] = (i, start),
                Some(_) => {}
                None => kept.push((i, start)),
            }
        }
        let mut year = None;
        kept.into_iter()
            .map(|(i, start)| {
                let label = match self.unit {
                    Unit::Year | Unit::Month => start.year.to_string(),
                    Unit::Day | Unit::Week => short_month(start, year != Some(start.year)),
                };
                year = Some(start.year);
                (i, label)
            })
            .collect()
    }
}

/// "Mar 2019", or "Mar" when the year goes without saying.
fn short_month(date: Date, with_year: bool) -> String {
    let name = &date.month_name()[..3];
    if with_year {
        format!("{name} {}", date.year)
    } else {
        name.to_owned()
    }
}

/// The first day of the bar of `unit` that holds `date`.
fn start_of(unit: Unit, date: Date) -> Date {
    match unit {
        Unit::Day => date,
        Unit::Week => date.plus_days(-i32::from(date.weekday())),
        Unit::Month => Month::of(date).first_day(),
        Unit::Year => Date {
            year: date.year,
            month: 1,
            day: 1,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    const SPAN: Option<(Date, Date)> = Some((
        Date {
            year: 2014,
            month: 10,
            day: 29,
        },
        Date {
            year: 2025,
            month: 3,
            day: 27,
        },
    ));

    #[test]
    fn months_over_the_corpus_by_default_and_for_long_ranges() {
        let axis = Axis::choose(SPAN, None, None);
        assert_eq!(
            (axis.unit, axis.first, axis.bars),
            (Unit::Month, d(2014, 10, 1), 126)
        );
        assert_eq!(axis.label(5), "March 2015");
        assert_eq!(axis.bar_of(d(2019, 3, 25)), Some(53));
        assert_eq!(axis.end(53), d(2019, 3, 31));
        assert_eq!(axis.bar_of(d(2014, 9, 30)), None);
        assert_eq!(axis.clamped_bar(d(2030, 1, 1)), 125);
        // Three years chosen: still the corpus's months, the range seen in its context.
        let long = Axis::choose(SPAN, Some(d(2016, 1, 1)), Some(d(2018, 12, 31)));
        assert_eq!(long, axis);
        let ticks: Vec<String> = axis.ticks(12).into_iter().map(|(_, l)| l).collect();
        assert_eq!(
            ticks,
            [
                "2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024",
                "2025"
            ]
        );
        assert_eq!(axis.ticks(6).len(), 6);
    }

    #[test]
    fn a_short_range_is_shown_in_weeks_or_days() {
        // One month: its days.
        let month = Axis::choose(SPAN, Some(d(2019, 3, 1)), Some(d(2019, 3, 31)));
        assert_eq!(
            (month.unit, month.first, month.bars),
            (Unit::Day, d(2019, 3, 1), 31)
        );
        assert_eq!(month.label(24), "25 March 2019");
        assert_eq!(month.ticks(12), [(0, "Mar 2019".to_owned())]);
        // Five months to the corpus's end: weeks from the Monday of the first.
        let weeks = Axis::choose(SPAN, Some(d(2024, 11, 1)), None);
        assert_eq!(weeks.unit, Unit::Week);
        assert_eq!(weeks.first, d(2024, 10, 28));
        assert_eq!(weeks.end(weeks.bars - 1), d(2025, 3, 30));
        assert_eq!(weeks.bar_of(d(2024, 12, 2)), Some(5));
        assert_eq!(weeks.label(5), "the week of 2 December 2024");
        // Labels at least two bars apart: the few days of October give way to November.
        let ticks = weeks.ticks(12);
        assert_eq!(ticks[0], (1, "Nov 2024".to_owned()));
        assert_eq!(ticks[1], (5, "Dec".to_owned()));
        assert!(ticks.contains(&(10, "Jan 2025".to_owned())), "{ticks:?}");
        // A year stays in months, in its context.
        let year = Axis::choose(SPAN, Some(d(2024, 1, 1)), Some(d(2024, 12, 31)));
        assert_eq!((year.unit, year.bars), (Unit::Month, 126));
        let started = Axis::choose(SPAN, Some(d(2019, 3, 20)), Some(d(2019, 4, 2)));
        assert_eq!((started.first, started.bars), (d(2019, 3, 20), 14));
        assert_eq!(
            started.ticks(12),
            [(0, "Mar 2019".to_owned()), (12, "Apr".to_owned())]
        );
    }

    #[test]
    fn decades_are_shown_in_years() {
        let span = Some((d(1950, 5, 1), d(2025, 3, 27)));
        let axis = Axis::choose(span, None, None);
        assert_eq!(
            (axis.unit, axis.first, axis.bars),
            (Unit::Year, d(1950, 1, 1), 76)
        );
        assert_eq!(axis.end(0), d(1950, 12, 31));
        assert_eq!(axis.bar_of(d(2019, 3, 25)), Some(69));
        assert_eq!(axis.label(69), "2019");
        assert_eq!(axis.ticks(8).len(), 8);
        assert_eq!(Axis::choose(None, None, None).bars, 0);
    }
}
