// The watch-along example: a stand-in player (a range input and a clock
// that runs a film minute every quarter second) drives `card.progress`; the
// card's events move the player and fill a log. With a real <video>, the
// same two lines apply: `video.ontimeupdate = () => { card.progress =
// video.currentTime / 60; }` and, on `spoiler-card:progress`,
// `video.currentTime = event.detail.progress * 60`.
const card = document.getElementById('watch-card');
const play = document.getElementById('play');
const position = document.getElementById('position');
const clock = document.getElementById('clock');
const log = document.getElementById('log');

const MINUTE_MS = 250;
let timer = null;

function show(minutes) {
  position.value = String(minutes);
  clock.value = `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

function seek(minutes) {
  show(minutes);
  card.progress = minutes;
}

function stop() {
  clearInterval(timer);
  timer = null;
  play.textContent = 'Play';
  play.setAttribute('aria-pressed', 'false');
}

play.addEventListener('click', () => {
  if (timer) return stop();
  play.textContent = 'Pause';
  play.setAttribute('aria-pressed', 'true');
  timer = setInterval(() => {
    const next = Number(position.value) + 1;
    if (next > Number(position.max)) return stop();
    seek(next);
  }, MINUTE_MS);
});

position.addEventListener('input', () => seek(Number(position.value)));

card.addEventListener('spoiler-card:ready', (event) => show(event.detail.progress));

// The reader moved the card's own slider: the player follows.
card.addEventListener('spoiler-card:progress', (event) => show(event.detail.progress));

for (const type of ['reveal', 'hide', 'progress']) {
  card.addEventListener(`spoiler-card:${type}`, (event) => {
    const item = document.createElement('li');
    const { progress, changed = [] } = event.detail;
    item.textContent = `${type} at ${progress} min${changed.length ? `: ${changed.join(', ')}` : ''}`;
    log.prepend(item);
  });
}
