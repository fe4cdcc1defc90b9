// Starts Dateline: imports the wasm-bindgen glue and instantiates the wasm named on this
// script's own tag (Trunk writes both hashed names there; see `pattern_script` in Trunk.toml).
// It is a file of its own, not an inline script, so the page runs under a strict
// Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.
const tag = document.querySelector("script[data-glue][data-wasm]");
const { default: init } = await import(tag.dataset.glue);
const wasm = await init({ module_or_path: tag.dataset.wasm });
// The event Trunk's own loader fires; the load benchmark reads the wasm memory from it.
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
