// A deterministic register of any size with seed-like text lengths (titles about
// 100 characters, progress about 500, next steps about 250, a few accented
// words), for benchmarks. Same arguments, same file, byte for byte.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SAMPLE = JSON.parse(readFileSync(join(ROOT, 'public', 'sample-register.json'), 'utf8'));

/** mulberry32: a small seeded PRNG. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'council district housing planning air quality community safety partnership review strategy ' +
  'delivery programme funding grant parish leisure centre customer digital services business ' +
  'support tourism infrastructure growth plan consultation quarter monitoring report cabinet ' +
  'scrutiny panel officer team action improvement partners residents voluntary sector homes ' +
  'energy efficiency environment enforcement procurement contract budget savings income'
).split(' ');
const ACCENTED = ['café', 'naïve', 'Cyngor', 'rôle', 'façade', 'coördination', 'Llanfair', 'résumé'];
const LEADS = ['D. Atkinson', 'A.M. Hawkins', 'V.Wenham', 'R. Szadziewski', 'B. Jolly', 'S. Khan', 'J. Ó Briain', ''];
const PORTFOLIOS = ['Strategy', 'Communities', 'Regulatory', 'Finance', 'Wellbeing', 'Corporate'];

function sentence(next, length) {
  const words = [];
  let size = 0;
  while (size < length) {
    const word = next() < 0.02 ? ACCENTED[Math.floor(next() * ACCENTED.length)] : WORDS[Math.floor(next() * WORDS.length)];
    words.push(word);
    size += word.length + 1;
  }
  const text = words.join(' ');
  return text[0].toUpperCase() + text.slice(1) + '.';
}

/** A v1 register file (as text) with `count` key activities. */
export function generateRegister(count, seed = 2019) {
  const next = random(seed);
  const statuses = SAMPLE.register.statuses;
  const weights = [['green', 0.7], ['amber', 0.1], ['red', 0.05], ['complete', 0.08], ['start-later', 0.04], ['not-started', 0.03]];
  const pickStatus = () => {
    let r = next();
    for (const [id, w] of weights) { if ((r -= w) < 0) return id; }
    return 'green';
  };
  const themes = [];
  const perObjective = 25;
  const objectivesPerTheme = 10;
  let made = 0;
  for (let t = 0; made < count; t += 1) {
    const objectives = [];
    for (let o = 0; o < objectivesPerTheme && made < count; o += 1) {
      const number = t * objectivesPerTheme + o + 1;
      const activities = [];
      for (let a = 0; a < perObjective && made < count; a += 1) {
        const points = (total) => {
          const n = 1 + Math.floor(next() * 3);
          return Array.from({ length: n }, () => sentence(next, Math.round(total / n)));
        };
        activities.push({
          id: `KA.${String(number).padStart(2, '0')}.${String(a + 1).padStart(2, '0')}`,
          title: sentence(next, 100).slice(0, -1),
          status: pickStatus(),
          progress: points(500),
          next_steps: points(250),
          lead_officer: LEADS[Math.floor(next() * LEADS.length)],
          portfolio: PORTFOLIOS[Math.floor(next() * PORTFOLIOS.length)],
        });
        made += 1;
      }
      objectives.push({ id: `CO ${number}`, title: sentence(next, 40).slice(0, -1), activities });
    }
    themes.push({ title: `THEME ${t + 1}: ${sentence(next, 30).slice(0, -1).toLowerCase()}`, objectives });
  }
  const register = {
    ...SAMPLE.register,
    organisation: 'Benchmark County Council',
    title: 'Corporate Plan Key Activities',
    statuses,
    themes,
  };
  return JSON.stringify({ format: 'activity-register', version: 1, register }, null, 2) + '\n';
}
