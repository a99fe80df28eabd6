// The benchmark's studio section: the card studio (dist/studio.html) on a
// movie of 1,000 timeline events. How long it takes to open the movie, how
// soon a keystroke reaches the preview card, and how soon the validator's
// report follows once the author pauses (the studio waits CHECK_AFTER_MS,
// 150 ms, after the last keystroke). The floor is JSON.parse and
// JSON.stringify of the same movie in the same page.
import { readFileSync } from 'node:fs';

/** The shipped example with `events` events spread over its runtime. */
export function longMovie(events = 1000) {
  const movie = JSON.parse(readFileSync('assets/movies/leaving-las-vegas.json', 'utf8'));
  movie.runtime_minutes = 999;
  movie.timeline = Array.from({ length: events }, (_, i) => ({
    at_minute: Math.floor((i * 999) / events),
    title: `Event ${i + 1}`,
    text: `What happens at event ${i + 1}, in a sentence or two of plain text.`,
  }));
  for (const c of movie.characters ?? []) if (c.arc?.at_minute) c.arc.at_minute = Math.min(c.arc.at_minute, 999);
  return movie;
}

/** Runs the section: `runs` times each, in a page of `origin`. */
export async function studioBench({ origin, newPage, runs, stats, log }) {
  const movie = longMovie();
  const page = await newPage();
  await page.goto(`${origin}/studio.html`);
  await page.waitForFunction(() => document.querySelector('spoiler-card-studio')?.shadowRoot?.querySelector('#f-title'));
  const timings = await page.evaluate(async ({ movie, runs }) => {
    const el = document.querySelector('spoiler-card-studio');
    const root = el.shadowRoot;
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const until = async (test) => {
      for (const deadline = performance.now() + 30000; performance.now() < deadline;) {
        if (test()) return true;
        await new Promise((r) => setTimeout(r, 0));
      }
      throw new Error('timed out');
    };
    const preview = () => root.querySelector('.preview spoiler-card')?.shadowRoot?.querySelector('.title')?.textContent;
    const type = (value) => {
      const box = root.querySelector('#f-title');
      box.value = value;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    };
    const out = { open: [], keystrokePreview: [], keystrokeProblems: [], floor: [] };
    for (let run = 0; run < runs; run += 1) {
      const title = `Long ${run}`;
      let t0 = performance.now();
      el.movie = { ...movie, title };
      await until(() => root.querySelector('.object-list[data-path="timeline"] .count')?.textContent === '1000' && preview() === title);
      await frame();
      out.open.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 300));
      t0 = performance.now();
      type(`${title}!`);
      await until(() => preview() === `${title}!`);
      await frame();
      out.keystrokePreview.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 300));
      // A title far too long: typed text, so the report waits for the pause.
      t0 = performance.now();
      type('x'.repeat(1000));
      await until(() => root.querySelector('.field[data-path="title"] .problem'));
      await frame();
      out.keystrokeProblems.push(performance.now() - t0);
      t0 = performance.now();
      JSON.parse(JSON.stringify({ ...movie, title }));
      out.floor.push(performance.now() - t0);
    }
    return out;
  }, { movie, runs });
  await page.close2();
  const result = {
    events: movie.timeline.length,
    bytes: JSON.stringify(movie).length,
    open: stats(timings.open),
    keystrokePreview: stats(timings.keystrokePreview),
    keystrokeProblems: stats(timings.keystrokeProblems),
    floor: stats(timings.floor),
    pauseMs: 150,
  };
  log('studio: open', result.open.median, 'ms; keystroke to preview', result.keystrokePreview.median, 'ms; to problems', result.keystrokeProblems.median, 'ms; floor', result.floor.median, 'ms');
  return result;
}

/** The section of results.md. */
export function studioMarkdown(s) {
  const f = (st) => `${st.median} (${st.min}–${st.max})`;
  const ratio = (st) => `${Math.round(st.median / Math.max(s.floor.median, 0.1))}x`;
  return [
    '## The card studio on a long movie', '',
    `dist/studio.html given a movie of ${s.events.toLocaleString('en')} timeline events (${s.bytes.toLocaleString('en')} bytes of JSON) through \`el.movie\`; medians with (min–max), ms. The floor is \`JSON.parse(JSON.stringify(movie))\` in the same page. While the author types, the validator's report waits until they pause for ${s.pauseMs} ms, which the third row includes; a movie opened is checked at once.`, '',
    '| Step | ms | / floor |', '|---|---:|---:|',
    `| open: the form (1,000 events counted) and the preview card | ${f(s.open)} | ${ratio(s.open)} |`,
    `| a keystroke in the title, to the preview card showing it | ${f(s.keystrokePreview)} | ${ratio(s.keystrokePreview)} |`,
    `| a title typed too long, to its problem at the field (after the pause) | ${f(s.keystrokeProblems)} | ${ratio(s.keystrokeProblems)} |`,
    `| floor: JSON.parse + JSON.stringify | ${f(s.floor)} | 1x |`, '',
  ];
}
