// Facts that the card's Rust, its stylesheet and its JS share, each
// defined once. (Plain consts and `///` docs only: build.rs `include!`s
// this file.) The others live where they are used and are handed over:
// the request timeout is data.js's `TIMEOUT_MS` (the early requests run
// before the wasm), which Rust reads back through `timeoutSeconds`; the
// lazy margin is embed.js's alone; the data limits are `model::limits` and
// `value::MAX_VALUES`, handed to data.js (through embed.js's
// `defineSpoilerCard`) when the element is defined; a
// list's page is `card_state::LIST_PAGE`. (The README's and the demo's
// page CSS for a card not yet defined restate the height: page CSS cannot
// read it.)

/// The height an unstarted (or off-screen) card holds, in rem: about a
/// card's. build.rs writes it into the stylesheet as `--sc-reserve`;
/// embed.js gets it when the element is defined, for the box of a card
/// that has not started.
pub const RESERVED_HEIGHT_REM: u32 = 24;
