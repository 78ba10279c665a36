// Minimal unit console: log in, then receive dispatches live. Events apply by ticket version.
const $ = (id) => document.getElementById(id);
const tickets = new Map();

$('login').addEventListener('submit', async (e) => {
  e.preventDefault();
  const res = await fetch('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: $('username').value, password: $('password').value }),
  });
  const data = await res.json();
  if (!res.ok) {
    $('login-error').textContent = data.error.message;
    return;
  }
  $('login').hidden = true;
  $('inbox').hidden = false;
  $('who').textContent = `${data.user.displayName ?? data.user.username}`;
  connect(data.token);
});

function connect(token) {
  const socket = io({ auth: { token } });
  socket.on('connect', () => ($('connection').textContent = '实时连接 Live'));
  socket.on('disconnect', () => ($('connection').textContent = '已断开 Disconnected'));
  socket.on('connect_error', (err) => ($('connection').textContent = `连接失败 ${err.message}`));
  socket.on('session.expired', () => location.reload());
  socket.on('ticket.updated', (t) => {
    const known = tickets.get(t.id);
    if (known && known.version >= t.version) return;
    tickets.set(t.id, t);
    if (t.priority === 'P1' && t.eventType === 'ticket.dispatched')
      alert(`紧急 P1: ${t.category} ${t.trackingCode}`);
    render();
  });
  socket.on('sla.warning', (w) => mark(w.ticketId, 'amber'));
  socket.on('sla.breached', (b) => mark(b.ticketId, 'red'));
}
function mark(id, cls) {
  const t = tickets.get(id);
  if (!t) return;
  t.flag = cls;
  render();
}
function render() {
  const list = [...tickets.values()].sort((a, b) =>
    (a.deadlines.ack?.dueAt ?? '').localeCompare(b.deadlines.ack?.dueAt ?? ''),
  );
  $('tickets').innerHTML = list
    .map(
      (t) => `<div class="card ${t.priority.toLowerCase()} ${t.flag ?? ''}" data-ticket="${t.id}">
      <strong>${t.priority} ${t.category}</strong> · ${t.trackingCode} · <span class="status">${t.status}</span>
      <div class="muted">签收时限 Sign by ${t.deadlines.ack ? new Date(t.deadlines.ack.dueAt).toLocaleString('zh-CN') : '—'}</div></div>`,
    )
    .join('');
}
