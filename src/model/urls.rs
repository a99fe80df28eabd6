//! Which URLs the data may hold, and how a poster URL is resolved.

/// Is this an absolute http(s) URL with a host, and nothing a browser
/// would strip or reinterpret (whitespace, control characters, backslashes)?
pub fn is_http_url(url: &str) -> bool {
    let Some(host_start) = host_start(url) else {
        return false;
    };
    let rest = &url[host_start..];
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    !rest[..host_end].is_empty() && !has_reinterpreted_chars(url)
}

/// Where the host starts after `http://` or `https://` (in any case), if
/// the URL starts with one of them.
fn host_start(url: &str) -> Option<usize> {
    let starts = |scheme: &str| {
        let bytes = url.as_bytes();
        bytes.len() >= scheme.len() && bytes[..scheme.len()].eq_ignore_ascii_case(scheme.as_bytes())
    };
    if starts("https://") {
        Some(8)
    } else if starts("http://") {
        Some(7)
    } else {
        None
    }
}

/// Characters a browser strips or reinterprets inside a URL
/// (`java\tscript:`, `https:\\host`): never allowed.
fn has_reinterpreted_chars(url: &str) -> bool {
    url.chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
}

/// Is this a relative reference (no scheme, not protocol-relative)?
pub fn is_plain_relative(url: &str) -> bool {
    !url.starts_with("//") && !has_reinterpreted_chars(url) && !has_scheme(url)
}

/// A poster's `src` resolved against the URL of the JSON it came from (an
/// absolute http(s) URL, a protocol-relative one, or a path when the page
/// gives one). In plain Rust, so that the card resolves it while rendering,
/// natively (prerendering) as in the browser. `None` unless the reference is
/// what validation allows (an http(s) URL, or a relative reference without a
/// scheme) and the base is one of those. Dot segments are left for the
/// browser, which removes them when it loads the image.
pub fn resolve_url(base: &str, reference: &str) -> Option<String> {
    if is_http_url(reference) {
        return Some(reference.to_owned());
    }
    if !is_plain_relative(reference) {
        return None;
    }
    // Where the base's path starts: after `scheme://host` or `//host`, or
    // at once for a path. Any other scheme (`data:`, `javascript:`) has no
    // place a path could be resolved in.
    let authority = if is_http_url(base) {
        host_start(base)
    } else if base.starts_with("//") {
        Some(2)
    } else if has_scheme(base) {
        return None;
    } else {
        None
    };
    let path_start = authority.map_or(0, |a| {
        base[a..]
            .find(['/', '?', '#'])
            .map_or(base.len(), |i| a + i)
    });
    let without_fragment = &base[..base.find('#').unwrap_or(base.len())];
    let path_end = base[path_start..]
        .find(['?', '#'])
        .map_or(base.len(), |i| path_start + i);
    let prefix = match reference.as_bytes().first() {
        Some(b'/') => &base[..path_start],
        Some(b'?') => &base[..path_end],
        Some(b'#') => without_fragment,
        // The base's folder: up to the last `/` of its path.
        _ => {
            &base[..base[path_start..path_end]
                .rfind('/')
                .map_or(path_start, |i| path_start + i + 1)]
        }
    };
    // `https://host` + `p.jpg`: the empty path is `/`.
    let slash = authority.is_some()
        && prefix.len() == path_start
        && !matches!(reference.as_bytes().first(), Some(b'/' | b'?' | b'#'));
    Some(format!(
        "{prefix}{}{reference}",
        if slash { "/" } else { "" }
    ))
}

/// Does `url` start with a scheme? Counted as one: anything before a `:`
/// that comes before any `/`, `?` or `#` (stricter than a browser, which
/// wants letters, digits and `+-.`, starting with a letter).
fn has_scheme(url: &str) -> bool {
    matches!(url.find([':', '/', '?', '#']), Some(i) if url.as_bytes()[i] == b':')
}
