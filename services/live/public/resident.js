// Minimal resident page: report a problem, then follow it live by tracking code.
const $ = (id) => document.getElementById(id);
let categories = [];
let socket = null;

async function loadCategories() {
  categories = await (await fetch('/api/v1/categories')).json();
  $('category').innerHTML = categories
    .map((c) => `<option value="${c.code}">${c.priority} · ${c.name.zh} ${c.name.en}</option>`)
    .join('');
  showHelp();
}
function showHelp() {
  const c = categories.find((x) => x.code === $('category').value);
  $('category-help').textContent = c ? `${c.description.zh} · ${c.description.en}` : '';
}
$('category').addEventListener('change', showHelp);

$('report').addEventListener('submit', async (e) => {
  e.preventDefault();
  $('form-error').textContent = '';
  const body = {
    category: $('category').value,
    description: $('description').value,
    location: { lat: Number($('lat').value), lng: Number($('lng').value) },
  };
  if ($('address').value) body.address = $('address').value;
  if ($('phone').value) body.contact = { phone: $('phone').value };
  const res = await fetch('/api/v1/reports', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify(body),
  });
  const data = await res.json();
  if (!res.ok) {
    $('form-error').textContent =
      (data.error.fields || []).map((f) => `${f.path}: ${f.message}`).join('; ') || data.error.message;
    return;
  }
  const dups = data.duplicates.length
    ? `<p class="muted">附近已有相同问题 Nearby reports: ${data.duplicates.map((d) => `${d.trackingCode} (${d.distanceM} m)`).join(', ')}</p>`
    : '';
  $('result').innerHTML =
    `<div class="card"><p>已提交 Submitted. 查询码 Tracking code:</p><code id="tracking-code">${data.trackingCode}</code>${dups}</div>`;
  $('code').value = data.trackingCode;
  track(data.trackingCode);
});

async function track(code) {
  const res = await fetch(`/api/v1/reports/${encodeURIComponent(code)}`);
  const view = await res.json();
  if (!res.ok) {
    $('timeline').innerHTML = `<p class="error">${view.error.message}</p>`;
    return;
  }
  render(view);
  if (socket) socket.disconnect();
  socket = io({ auth: { trackingCode: view.trackingCode } });
  socket.on('ticket.updated', async () =>
    render(await (await fetch(`/api/v1/reports/${view.trackingCode}`)).json()),
  );
}
function render(view) {
  const unit = view.unit ? ` · ${view.unit.name.zh}` : '';
  $('timeline').innerHTML =
    `<div class="card"><p>状态 Status: <strong id="status">${view.status}</strong>${unit}</p><ol>${view.timeline
      .map((t) => `<li>${new Date(t.at).toLocaleString('zh-CN')} · ${t.type}</li>`)
      .join('')}</ol></div>`;
}
$('track').addEventListener('submit', (e) => {
  e.preventDefault();
  track($('code').value.trim());
});
loadCategories();
