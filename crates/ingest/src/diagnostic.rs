//! Diagnostics: what is wrong with a corpus, where, and how to fix it.
//!
//! Ingestion collects every problem it finds instead of stopping at the first, so one build
//! shows the user all there is to fix. Each diagnostic prints as
//! `path:line: problem — how to fix`, the form editors and terminals link to.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Ingestion went on, but the user should look (e.g. an article without a date).
    Warning,
    /// The corpus cannot be built until this is fixed.
    Error,
}

/// One problem in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// How bad it is.
    pub severity: Severity,
    /// The file the problem is in (or the corpus folder itself).
    pub path: PathBuf,
    /// The 1-based line, where the problem has one.
    pub line: Option<usize>,
    /// What is wrong.
    pub problem: String,
    /// What to do about it.
    pub fix: String,
    /// The file, relative to the corpus folder, when the problem left it out of the corpus
    /// (a warning, or an error under `strict = true`).
    pub left_out: Option<String>,
}

impl Diagnostic {
    /// An error in `path`.
    pub fn error(path: &Path, problem: impl Into<String>, fix: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_owned(),
            line: None,
            problem: problem.into(),
            fix: fix.into(),
            left_out: None,
        }
    }

    /// A warning that the file at `path` (`relative` to the corpus folder) gives no article and
    /// was left out.
    pub fn left_out(
        path: &Path,
        relative: &str,
        problem: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Diagnostic {
            left_out: Some(relative.to_owned()),
            ..Diagnostic::warning(path, problem, fix)
        }
    }

    /// The same diagnostic as an error: what `strict = true` makes of a left-out file.
    pub fn fatal(mut self) -> Self {
        self.severity = Severity::Error;
        self
    }

    /// A warning in `path`.
    pub fn warning(path: &Path, problem: impl Into<String>, fix: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, problem, fix)
        }
    }

    /// The same diagnostic, pointing at a line.
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// Whether the build must stop for this.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        let kind = match self.severity {
            Severity::Warning => "warning: ",
            Severity::Error => "",
        };
        let left_out = if self.left_out.is_some() {
            "left out: "
        } else {
            ""
        };
        write!(f, ": {kind}{left_out}{} — {}", self.problem, self.fix)
    }
}

/// Every problem found in a corpus that could not be built, errors first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// The diagnostics, errors before warnings, each group in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Builds a report, ordering errors first and then by path and line.
    pub fn new(mut diagnostics: Vec<Diagnostic>) -> Self {
        diagnostics
            .sort_by(|a, b| (b.severity, &a.path, a.line).cmp(&(a.severity, &b.path, b.line)));
        Report { diagnostics }
    }

    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.diagnostics {
            writeln!(f, "{d}")?;
        }
        let errors = self.errors().count();
        write!(
            f,
            "the corpus was not built: {errors} error{} to fix",
            if errors == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for Report {}

/// A diagnostic for a TOML file that does not parse or does not fit its schema, at the line
/// the parser points to.
pub fn toml_error(
    path: &Path,
    text: &str,
    error: &toml::de::Error,
    fix: impl Into<String>,
) -> Diagnostic {
    let line = error.span().map_or(1, |span| line_of(text, span.start));
    Diagnostic::error(path, error.message().trim().to_owned(), fix).at_line(line)
}

/// The 1-based line on which byte `offset` of `text` stands.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_path_line_problem_and_fix() {
        let d = Diagnostic::error(
            Path::new("corpus/a.meta.toml"),
            "bad date",
            "write YYYY-MM-DD",
        )
        .at_line(3);
        assert_eq!(
            d.to_string(),
            "corpus/a.meta.toml:3: bad date — write YYYY-MM-DD"
        );
        let w = Diagnostic::warning(Path::new("b.txt"), "no date", "add one");
        assert_eq!(w.to_string(), "b.txt: warning: no date — add one");
        let l = Diagnostic::left_out(Path::new("c/d.txt"), "d.txt", "empty", "fill it");
        assert_eq!(l.to_string(), "c/d.txt: warning: left out: empty — fill it");
        assert_eq!(l.fatal().to_string(), "c/d.txt: left out: empty — fill it");
    }

    #[test]
    fn report_puts_errors_first_in_file_order() {
        let report = Report::new(vec![
            Diagnostic::warning(Path::new("a"), "w", "f"),
            Diagnostic::error(Path::new("c"), "e2", "f"),
            Diagnostic::error(Path::new("b"), "e1", "f").at_line(9),
        ]);
        let problems: Vec<_> = report
            .diagnostics
            .iter()
            .map(|d| d.problem.as_str())
            .collect();
        assert_eq!(problems, ["e1", "e2", "w"]);
        assert!(report.to_string().ends_with("2 errors to fix"));
    }

    #[test]
    fn line_of_counts_newlines_before_offset() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
    }
}
