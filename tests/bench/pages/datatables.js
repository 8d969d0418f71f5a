import DataTable from './dataTables.mjs';

const { register } = await (await fetch('data.json')).json();
const labels = Object.fromEntries(register.statuses.map((s) => [s.id, s.label]));
const data = [];
for (const theme of register.themes) {
  for (const objective of theme.objectives) {
    for (const a of objective.activities) {
      data.push([`${a.id} ${a.title}`, labels[a.status] ?? a.status, a.progress.join('\n'), a.next_steps.join('\n'), a.lead_officer, a.portfolio]);
    }
  }
}
const table = new DataTable('#table', {
  data,
  columns: [{ title: 'Key Activity' }, { title: 'Status' }, { title: 'Progress' }, { title: 'Next Steps' }, { title: 'Lead Officer' }, { title: 'Portfolio' }],
});
const wanted = new Set();
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
register.statuses.forEach((s, i) => {
  const label = document.createElement('label');
  label.innerHTML = `<input type="checkbox" id="status-${i}"> ${s.label}`;
  label.querySelector('input').addEventListener('change', (e) => {
    if (e.target.checked) wanted.add(s.label); else wanted.delete(s.label);
    const pattern = wanted.size ? `^(${[...wanted].map(escape).join('|')})$` : '';
    table.column(1).search(pattern, true, false).draw();
  });
  document.getElementById('statuses').append(label);
});
window.__ready = true;
