//! Dateline's browser app: mounts the [`app::App`] component. Everything it shows comes from
//! the corpus compiled into the binary and the URL.

mod app;
mod components;
mod corpus;
mod keyboard;
mod url_state;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
