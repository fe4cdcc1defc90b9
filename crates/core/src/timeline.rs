//! Grouping articles into the sections of the timeline.

use crate::model::Article;

/// One section of the timeline: a year, or the articles whose date is unknown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearGroup<'a> {
    /// The year of every article in the group; `None` for the undated group.
    pub year: Option<i16>,
    /// The group's articles, in the order they were given.
    pub articles: Vec<&'a Article>,
}

/// Splits articles that are already in timeline order into consecutive year groups.
pub fn group_by_year<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Vec<YearGroup<'a>> {
    let mut groups: Vec<YearGroup<'a>> = Vec::new();
    for article in articles {
        let year = article.date.map(|d| d.year);
        match groups.last_mut() {
            Some(group) if group.year == year => group.articles.push(article),
            _ => groups.push(YearGroup {
                year,
                articles: vec![article],
            }),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{tests::article, Corpus};

    #[test]
    fn groups_consecutive_years_and_undated_last() {
        let corpus = Corpus::new(
            vec![
                article("c", Some((2016, 2, 4))),
                article("a", Some((2014, 10, 29))),
                article("b", Some((2014, 12, 1))),
                article("z", None),
            ],
            Vec::new(),
        );
        let groups = group_by_year(corpus.articles());
        let shape: Vec<_> = groups
            .iter()
            .map(|g| {
                (
                    g.year,
                    g.articles
                        .iter()
                        .map(|a| a.slug.as_str())
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                (Some(2014), vec!["a", "b"]),
                (Some(2016), vec!["c"]),
                (None, vec!["z"])
            ]
        );
    }

    #[test]
    fn no_articles_no_groups() {
        assert!(group_by_year(&[]).is_empty());
    }
}
