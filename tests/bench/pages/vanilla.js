// The app's rule (at its default rows per page): up to 100 matches on one page,
// otherwise 10 a page.
const pageSize = (n) => (n <= 100 ? 100 : 10);
const { register } = await (await fetch('data.json')).json();
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const labels = Object.fromEntries(register.statuses.map((s) => [s.id, `${s.symbol} ${s.label}`]));
const rows = [];
for (const theme of register.themes) {
  for (const objective of theme.objectives) {
    for (const a of objective.activities) {
      rows.push({ a, hay: fold([a.id, a.title, ...a.progress, ...a.next_steps].join('\n')) });
    }
  }
}
const points = (list) => (list.length === 1 ? `<p>${esc(list[0])}</p>` : `<ul>${list.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`);
const html = ({ a }) =>
  `<tr><th scope="row">${esc(a.id)} ${esc(a.title)}</th><td>${esc(labels[a.status] ?? a.status)}</td>` +
  `<td>${points(a.progress)}</td><td>${points(a.next_steps)}</td><td>${esc(a.lead_officer)}</td><td>${esc(a.portfolio)}</td></tr>`;

const search = document.getElementById('search');
const line = document.getElementById('line');
const tbody = document.getElementById('rows');
const wanted = new Set();
const fieldset = document.getElementById('statuses');
register.statuses.forEach((s, i) => {
  const label = document.createElement('label');
  label.innerHTML = `<input type="checkbox" id="status-${i}" value="${esc(s.id)}"> ${esc(s.label)}`;
  label.querySelector('input').addEventListener('change', (e) => {
    if (e.target.checked) wanted.add(s.id); else wanted.delete(s.id);
    render();
  });
  fieldset.append(label);
});

function render() {
  const terms = fold(search.value).split(/\s+/).filter(Boolean);
  const matches = rows.filter((r) => (wanted.size === 0 || wanted.has(r.a.status)) && terms.every((t) => r.hay.includes(t)));
  line.textContent = `Showing ${matches.length} of ${rows.length} key activities`;
  tbody.innerHTML = matches.slice(0, pageSize(matches.length)).map(html).join('');
}
search.addEventListener('input', render);
render();
window.__ready = true;
