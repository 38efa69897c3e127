// A dependency-free SVG scatter plot: relative error (symmetric-log y axis) against true
// cardinality (log x axis), one colour per counter, with our stated ±3 standard-error band.

export interface Series {
  name: string;
  /** [true cardinality, relative error] */
  points: [number, number][];
}

const COLORS = ['#1f6feb', '#d97706', '#dc2626', '#7c3aed', '#059669', '#6b7280'];
const W = 900;
const H = 560;
const M = { left: 90, right: 20, top: 50, bottom: 130 };
const C = 0.001; // symlog: linear within ±0.1 %

const sx = (n: number) => M.left + ((Math.log10(n) - 1) / 5) * (W - M.left - M.right);
const symlog = (y: number) => Math.sign(y) * Math.log10(1 + Math.abs(y) / C);
const Y_MIN = symlog(-1);
const Y_MAX = symlog(200);
const sy = (y: number) => M.top + ((Y_MAX - symlog(Math.max(-1, Math.min(200, y)))) / (Y_MAX - Y_MIN)) * (H - M.top - M.bottom);

function label(y: number): string {
  const p = y * 100;
  return `${p > 0 ? '+' : ''}${Math.abs(p) >= 1 ? p.toFixed(0) : p.toFixed(1)} %`;
}

export function renderPlot(series: Series[], options: { stdError: number }): string {
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  out.push(`<text x="${W / 2}" y="24" text-anchor="middle" font-size="15">Relative error of distinct counts vs true cardinality (bench/reducer)</text>`);
  // ±3 standard-error band of our counter
  const band = 3 * options.stdError;
  out.push(`<rect x="${sx(10)}" y="${sy(band)}" width="${sx(1e6) - sx(10)}" height="${sy(-band) - sy(band)}" fill="#1f6feb" fill-opacity="0.08"/>`);
  out.push(`<text x="${sx(1e6) - 4}" y="${sy(band) - 4}" text-anchor="end" fill="#1f6feb">±3 standard errors of ours (±${(band * 100).toFixed(2)} %)</text>`);
  // grid and axes
  for (let e = 1; e <= 6; e++) {
    const x = sx(10 ** e);
    out.push(`<line x1="${x}" y1="${M.top}" x2="${x}" y2="${H - M.bottom}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${x}" y="${H - M.bottom + 18}" text-anchor="middle">10^${e}</text>`);
  }
  for (const y of [-1, -0.5, -0.1, -0.01, -0.001, 0, 0.001, 0.01, 0.1, 1, 10, 100]) {
    const py = sy(y);
    out.push(`<line x1="${M.left}" y1="${py}" x2="${W - M.right}" y2="${py}" stroke="${y === 0 ? '#9ca3af' : '#e5e7eb'}"/>`);
    out.push(`<text x="${M.left - 6}" y="${py + 4}" text-anchor="end">${label(y)}</text>`);
  }
  out.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - M.bottom + 40}" text-anchor="middle">true number of distinct values (log scale)</text>`);
  out.push(`<text transform="translate(22 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">estimate / truth − 1 (symmetric log scale)</text>`);
  // points
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length]!;
    for (const [n, err] of s.points) {
      if (n < 10 || n > 1.2e6) continue;
      out.push(`<circle cx="${sx(n).toFixed(1)}" cy="${sy(err).toFixed(1)}" r="2.6" fill="${color}" fill-opacity="0.75"/>`);
    }
    const lx = M.left + (i % 2) * 400;
    const ly = H - M.bottom + 64 + Math.floor(i / 2) * 20;
    out.push(`<circle cx="${lx}" cy="${ly - 4}" r="5" fill="${color}"/>`);
    out.push(`<text x="${lx + 10}" y="${ly}">${escape(s.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
