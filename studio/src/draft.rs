//! The author's draft, kept in `localStorage` as they type, so that a
//! closed tab loses nothing; offered back when the studio opens, never
//! restored unasked. Storage is the reader's browser's: any failure (no
//! storage, full, blocked) means no draft, and what is read back is
//! untrusted (read as any movie is).

/// The storage key of a studio's draft: one per `draft-key` (a CMS gives
/// one per movie it edits).
pub fn storage_key(draft_key: &str) -> String {
    format!("spoiler-card-studio:v1:draft:{draft_key}")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The draft kept under `draft_key`, if any.
pub fn load(draft_key: &str) -> Option<String> {
    storage()?.get_item(&storage_key(draft_key)).ok()?
}

/// Keeps `json` as the draft (a failure keeps nothing).
pub fn save(draft_key: &str, json: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(&storage_key(draft_key), json);
    }
}

/// Forgets the draft.
pub fn clear(draft_key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&storage_key(draft_key));
    }
}
