//! Search benchmarks' shared parts: the synthetic corpus ([`synthetic`]) and the fixed query mix
//! ([`queries`]), used natively by `search-bench` and, through the files it writes, in the browser.

pub mod queries;
pub mod synthetic;
