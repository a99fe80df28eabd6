// SVG charts for the benchmark (rendered to PNG with Chromium by bench.mjs).
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];

function niceMax(v) {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** A line chart with min–max whiskers. series: [{label, color, dash, points: [{x, y: {median,min,max}}]}] */
function lineChart({ x0, y0, w, h, title, xLabel, yLabel, xs, series }) {
  const ymax = niceMax(Math.max(...series.flatMap((s) => s.points.map((p) => p.y.max))));
  const xmax = Math.max(...xs);
  const X = (x) => x0 + (x / xmax) * w;
  const Y = (y) => y0 + h - (y / ymax) * h;
  const out = [];
  out.push(`<text x="${x0 + w / 2}" y="${y0 - 18}" text-anchor="middle" font-size="15" font-weight="600">${esc(title)}</text>`);
  for (let i = 0; i <= 5; i++) {
    const v = (ymax / 5) * i;
    out.push(`<line x1="${x0}" x2="${x0 + w}" y1="${Y(v)}" y2="${Y(v)}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${x0 - 6}" y="${Y(v) + 4}" text-anchor="end" font-size="11">${+v.toFixed(2)}</text>`);
  }
  for (const x of xs) {
    out.push(`<line x1="${X(x)}" x2="${X(x)}" y1="${y0 + h}" y2="${y0 + h + 4}" stroke="#333"/>`);
    out.push(`<text x="${X(x)}" y="${y0 + h + 17}" text-anchor="middle" font-size="11">${x}</text>`);
  }
  out.push(`<line x1="${x0}" x2="${x0 + w}" y1="${y0 + h}" y2="${y0 + h}" stroke="#333"/><line x1="${x0}" x2="${x0}" y1="${y0}" y2="${y0 + h}" stroke="#333"/>`);
  out.push(`<text x="${x0 + w / 2}" y="${y0 + h + 36}" text-anchor="middle" font-size="12">${esc(xLabel)}</text>`);
  out.push(`<text transform="translate(${x0 - 46},${y0 + h / 2}) rotate(-90)" text-anchor="middle" font-size="12">${esc(yLabel)}</text>`);
  series.forEach((s, i) => {
    const pts = s.points.map((p) => `${X(p.x)},${Y(p.y.median)}`).join(' ');
    out.push(`<polyline points="${pts}" fill="none" stroke="${s.color}" stroke-width="2" ${s.dash ? 'stroke-dasharray="6 4"' : ''}/>`);
    for (const p of s.points) {
      out.push(`<line x1="${X(p.x)}" x2="${X(p.x)}" y1="${Y(p.y.min)}" y2="${Y(p.y.max)}" stroke="${s.color}" stroke-width="1.5"/>`);
      out.push(`<line x1="${X(p.x) - 4}" x2="${X(p.x) + 4}" y1="${Y(p.y.min)}" y2="${Y(p.y.min)}" stroke="${s.color}"/><line x1="${X(p.x) - 4}" x2="${X(p.x) + 4}" y1="${Y(p.y.max)}" y2="${Y(p.y.max)}" stroke="${s.color}"/>`);
      out.push(`<circle cx="${X(p.x)}" cy="${Y(p.y.median)}" r="3.5" fill="${s.color}"/>`);
    }
    const ly = y0 + 8 + i * 18;
    out.push(`<line x1="${x0 + 12}" x2="${x0 + 36}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2" ${s.dash ? 'stroke-dasharray="6 4"' : ''}/>`);
    out.push(`<text x="${x0 + 42}" y="${ly + 4}" font-size="12">${esc(s.label)}</text>`);
  });
  return out.join('\n');
}

export function scaleChartSvg(scale) {
  const xs = [...new Set(scale.map((r) => r.cards))];
  const pick = (mode, key) => scale.filter((r) => r.mode === mode && r[key]).map((r) => ({ x: r.cards, y: r[key] }));
  const left = lineChart({
    x0: 80, y0: 50, w: 370, h: 310, title: 'Cards on one page vs time to rendered', xLabel: 'cards on the page', yLabel: 'ms from navigation start (median, min–max)', xs,
    series: [
      { label: 'without lazy start (eager): all cards', color: COLORS[0], points: pick('eager', 'time') },
      { label: 'with lazy start: cards in viewport', color: COLORS[1], dash: true, points: pick('lazy', 'time') },
    ],
  });
  const right = lineChart({
    x0: 580, y0: 50, w: 370, h: 310, title: 'Cards on one page vs memory', xLabel: 'cards on the page', yLabel: 'MB (median, min–max)', xs,
    series: [
      { label: 'JS heap, eager', color: COLORS[0], points: pick('eager', 'jsHeapMB') },
      { label: 'JS heap, lazy', color: COLORS[1], dash: true, points: pick('lazy', 'jsHeapMB') },
      { label: 'wasm memory, eager', color: COLORS[2], points: pick('eager', 'wasmMB') },
      { label: 'wasm memory, lazy', color: COLORS[3], dash: true, points: pick('lazy', 'wasmMB') },
    ],
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="440" font-family="DejaVu Sans, Arial, sans-serif"><rect width="1000" height="440" fill="#fff"/>${left}${right}</svg>`;
}

export function sizeChartSvg(size, target = 60) {
  const rows = [...size.files.map((f) => ({ ...f, label: f.file.replace(/^snippets\/[^/]+\//, 'snippets/…/') })), { ...size.total, label: 'total' }];
  const kinds = [['raw', 'raw', '#c7c7c7'], ['gzip', 'gzip -9', COLORS[0]], ['brotli', 'brotli -q 11', COLORS[2]]];
  const x0 = 300; const w = 520; const y0 = 50; const band = 52; const bar = 14;
  const max = niceMax(Math.max(...rows.map((r) => r.raw)) / 1024);
  const X = (kb) => x0 + (kb / max) * w;
  const out = [`<text x="450" y="20" text-anchor="middle" font-size="15" font-weight="600">What one embedded card downloads (KB)</text>`];
  for (let i = 0; i <= 5; i++) {
    const v = (max / 5) * i;
    out.push(`<line x1="${X(v)}" x2="${X(v)}" y1="${y0 - 6}" y2="${y0 + band * rows.length}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${X(v)}" y="${y0 + band * rows.length + 16}" text-anchor="middle" font-size="11">${+v.toFixed(1)}</text>`);
  }
  rows.forEach((r, i) => {
    const yb = y0 + i * band;
    out.push(`<text x="${x0 - 10}" y="${yb + band / 2}" text-anchor="end" font-size="12" ${r.label === 'total' ? 'font-weight="600"' : ''}>${esc(r.label)}</text>`);
    kinds.forEach(([k, , c], j) => {
      const y = yb + j * (bar + 1);
      const kb = r[k] / 1024;
      out.push(`<rect x="${x0}" y="${y}" width="${Math.max(1, X(kb) - x0)}" height="${bar}" fill="${c}"/>`);
      out.push(`<text x="${X(kb) + 4}" y="${y + bar - 3}" font-size="10">${kb.toFixed(1)}</text>`);
    });
  });
  if (target) {
    out.push(`<line x1="${X(target)}" x2="${X(target)}" y1="${y0 - 10}" y2="${y0 + band * rows.length}" stroke="${COLORS[1]}" stroke-dasharray="5 4" stroke-width="1.5"/>`);
    out.push(`<text x="${X(target) + 4}" y="${y0 - 12}" font-size="11" fill="${COLORS[1]}">target: brotli total under ${target} KB</text>`);
  }
  kinds.forEach(([, label, c], j) => {
    out.push(`<rect x="${x0 + j * 120}" y="${y0 + band * rows.length + 26}" width="14" height="12" fill="${c}"/><text x="${x0 + j * 120 + 18}" y="${y0 + band * rows.length + 37}" font-size="12">${esc(label)}</text>`);
  });
  const h = y0 + band * rows.length + 50;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${h}" font-family="DejaVu Sans, Arial, sans-serif"><rect width="900" height="${h}" fill="#fff"/>${out.join('\n')}</svg>`;
}
