//! Neutral shapes standing in for hidden text: no word of it, hidden from
//! assistive technology, unselectable.

use yew::prelude::*;

/// What [`placeholder`] shows.
pub struct PlaceholderArgs {
    /// Length in characters of each hidden paragraph; shapes roughly match.
    pub lengths: Vec<usize>,
}

/// Most lines drawn, so a long plot does not make a long grey wall.
const MAX_LINES: usize = 14;
/// Characters per drawn line.
const LINE_CHARS: usize = 90;

/// Blurred lines approximating the hidden text's shape.
pub fn placeholder(args: &PlaceholderArgs) -> Html {
    let mut lines = Vec::new();
    for (p, len) in args.lengths.iter().enumerate() {
        let n = len.div_ceil(LINE_CHARS).clamp(1, 5);
        for i in 0..n {
            if lines.len() >= MAX_LINES {
                break;
            }
            // Vary widths by a fixed pattern: class names, not `style=`
            // (a strict CSP blocks inline styles). Literal classes only: any
            // other `class` goes through Yew's `Classes`, an index set with
            // its hash table in the bundle (~1.5 KB brotli).
            let width = if i + 1 == n { 3 } else { (p + i) % 3 };
            lines.push(match width {
                0 => html! { <span class="line w-full"></span> },
                1 => html! { <span class="line w-wide"></span> },
                2 => html! { <span class="line w-most"></span> },
                _ => html! { <span class="line w-short"></span> },
            });
        }
        if lines.len() < MAX_LINES && p + 1 < args.lengths.len() {
            lines.push(html! { <span class="gap"></span> });
        }
    }
    html! {
        <div class="placeholder" aria-hidden="true">{ for lines }</div>
    }
}
