// A movie's edit screen: the card studio writes the movie; its JSON goes
// into the form's hidden field (saved with Publish/Update), and the title
// field follows the movie's title. A JSON file is opened by the studio's
// own "Open a movie" (picker, drop or paste).
(function () {
  const field = document.getElementById('spoiler-card-json');
  const studio = document.getElementById('spoiler-card-studio');
  const title = document.getElementById('title');
  if (!field || !studio) return;
  const follow = (movie) => {
    if (!title || !movie || typeof movie.title !== 'string') return;
    title.value = movie.title;
    // WordPress hides its "Add title" placeholder once the field has text.
    const prompt = document.getElementById('title-prompt-text');
    if (prompt) prompt.classList.toggle('screen-reader-text', title.value !== '');
  };
  let stored = null;
  if (field.value.trim() !== '') {
    try {
      stored = JSON.parse(field.value);
    } catch (e) {
      stored = null;
    }
  }
  // The studio takes a movie set before its module ran.
  if (stored) studio.movie = stored;
  studio.addEventListener('spoiler-card-studio:change', () => {
    field.value = studio.jsonText();
    follow(studio.movie);
  });
})();
