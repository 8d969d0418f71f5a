// Reading a printed PDF back as a person would look at it: every word with its
// page and box (pdftotext -bbox), so a test can check that text lies on the
// paper, that words do not run into each other, and where headings print.
import { execFileSync } from 'node:child_process';

const MM = 72 / 25.4; // PDF points in a millimetre

const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The pages of the PDF at `path`: [{ number, width, height, words: [{ text, x0, y0, x1, y1 }] }]. */
export function readPdf(path) {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const pages = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const wordRe = /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([\s\S]*?)<\/word>/g;
  for (let m = pageRe.exec(html); m; m = pageRe.exec(html)) {
    const words = [];
    for (let w = wordRe.exec(m[3]); w; w = wordRe.exec(m[3])) {
      words.push({ x0: Number(w[1]), y0: Number(w[2]), x1: Number(w[3]), y1: Number(w[4]), text: decode(w[5]) });
    }
    pages.push({ number: pages.length + 1, width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}

/** The page's text, words in reading order joined by spaces. */
export const pageText = (page) => page.words.map((w) => w.text).join(' ');

/** Problems with where words lie: outside the area within `inset` mm of the
 *  paper's edge (what a printer cannot print), or overlapping another word on
 *  the same line (text running into the next column). */
export function layoutProblems(pages, inset = 5) {
  const problems = [];
  for (const p of pages) {
    const [left, top, right, bottom] = [inset * MM, inset * MM, p.width - inset * MM, p.height - inset * MM];
    for (const w of p.words) {
      if (w.x0 < left || w.y0 < top || w.x1 > right || w.y1 > bottom) {
        problems.push(`page ${p.number}: "${w.text}" lies outside the printable area (${w.x0.toFixed(0)}–${w.x1.toFixed(0)} of ${p.width.toFixed(0)} pt wide, ${w.y0.toFixed(0)}–${w.y1.toFixed(0)} of ${p.height.toFixed(0)} high)`);
      }
    }
    const words = [...p.words].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
    for (let i = 0; i < words.length; i += 1) {
      const a = words[i];
      for (let j = i + 1; j < words.length && words[j].y0 < a.y1; j += 1) {
        const b = words[j];
        const overlapX = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const overlapY = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (overlapX > 1 && overlapY > 2) problems.push(`page ${p.number}: "${a.text}" and "${b.text}" overlap`);
      }
    }
  }
  return problems;
}

/** The first page at or after `from` whose text holds `text`. */
export function pageWith(pages, text, from = 1) {
  const squeeze = (s) => s.replace(/\s+/g, '');
  const wanted = squeeze(text);
  return pages.find((p) => p.number >= from && squeeze(pageText(p)).includes(wanted))?.number;
}
