//! The reader: the open article's clean text and its metadata.

use dateline_core::Article;
use leptos::html;
use leptos::prelude::*;

/// The open article, or a hint to pick one when none is open.
#[component]
pub fn Reader(
    /// The article to show.
    article: Signal<Option<&'static Article>>,
    /// Called when the user closes the reader.
    on_close: Callback<()>,
) -> impl IntoView {
    let heading = NodeRef::<html::H1>::new();
    // Moves focus to the article when one opens, so keyboard and screen-reader users land on it.
    Effect::new(move |_| {
        if article.get().is_some() {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        }
    });

    view! {
        <section class="reader" aria-label="Article">
            {move || match article.get() {
                None => view! {
                    <p class="reader-empty">"Choose an article from the timeline to read it here."</p>
                }
                .into_any(),
                Some(a) => view! {
                    <article>
                        <button class="reader-close" type="button" on:click=move |_| on_close.run(())>
                            <span aria-hidden="true">"←"</span>" Timeline"
                        </button>
                        <p class="reader-meta">
                            <span class="reader-outlet">{a.outlet.as_str()}</span>
                            {a.date.map(|d| view! { " · "<time datetime=d.to_string()>{d.long_form()}</time> })}
                        </p>
                        <h1 class="reader-headline" tabindex="-1" node_ref=heading>{a.headline.as_str()}</h1>
                        <div class="reader-body">
                            {a.paragraphs.iter().map(|p| view! { <p>{p.as_str()}</p> }).collect_view()}
                        </div>
                        <footer class="reader-source">
                            {a.url.as_deref().map(|url| view! {
                                <a href=url target="_blank" rel="noopener noreferrer">"Read the original"</a>
                                " · "
                            })}
                            <span>"Source file: "<code>{a.source.as_str()}</code></span>
                        </footer>
                    </article>
                }
                .into_any(),
            }}
        </section>
    }
}
