import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../lib/api';
import { ErrorBox, fieldMessage } from '../lib/error-box';
import { focusFirstInvalid, isPlaced } from '../lib/field-error';
import { formatDateTime } from '../lib/format';
import { getLang, pick, t, useLang } from '../lib/i18n';
import { AdminSplit } from './admin-shell';
import { fieldMap } from './field-errors';
import { Field, FieldErrors } from './form-fields';
import type { Unit } from './units-page';
import { useResource } from './use-resource';
import './webhook-messages';

interface Endpoint {
  id: string;
  url: string;
  eventTypes: string[];
  unitId: string | null;
  personalData: boolean;
  enabled: boolean;
  failureStreak: number;
  disabledAt: string | null;
  disabledReason: string | null;
}

interface Delivery {
  id: string;
  eventType: string;
  ticketId: string;
  ticketVersion: number;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
}

const WEBHOOKS = '/api/v1/admin/webhooks';
/** The new endpoint form's inputs, by the body's field each one fills. */
const WEBHOOK_FIELDS = ['url', 'unitId', 'eventTypes', 'personalData'];

function NewEndpointForm({ units, onCreated }: { units: Unit[]; onCreated: (id: string) => void }) {
  const [url, setUrl] = useState('');
  const [unitId, setUnitId] = useState('');
  const [types, setTypes] = useState('');
  const [personalData, setPersonalData] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const box = useRef<HTMLFormElement>(null);

  async function submit(e: Event) {
    e.preventDefault();
    setFields({});
    try {
      const eventTypes = types
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const created = await api<Endpoint & { secret: string }>('POST', WEBHOOKS, {
        url,
        eventTypes,
        unitId: unitId || null,
        personalData,
      });
      setError(null);
      setSecret(created.secret);
      onCreated(created.id);
    } catch (err) {
      setError(err);
      // Each field's problem under its input, in the reader's language; the focus on the first.
      if (err instanceof ApiError && err.fields?.length) {
        setFields(fieldMap(err.fields.map((f) => ({ path: f.path, message: fieldMessage(f.message) }))));
        focusFirstInvalid(box.current);
      }
    }
  }

  if (secret) {
    return (
      <div class="notice" data-testid="webhook-secret">
        <p>{t('webhooks.secretOnce')}</p>
        <code>{secret}</code>
      </div>
    );
  }
  return (
    <form onSubmit={submit} data-testid="webhook-form" ref={box}>
      <FieldErrors.Provider value={fields}>
        <Field label={t('webhooks.url')} path="url">
          <input value={url} onInput={(e) => setUrl(e.currentTarget.value)} data-testid="webhook-url" />
        </Field>
        <Field label={t('webhooks.unit')} path="unitId">
          <select value={unitId} onChange={(e) => setUnitId(e.currentTarget.value)}>
            <option value="">{t('webhooks.ownerAdmin')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {pick(u.name)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('webhooks.eventTypes')} path="eventTypes">
          <input
            value={types}
            onInput={(e) => setTypes(e.currentTarget.value)}
            placeholder="ticket.accepted, …"
          />
        </Field>
        {unitId && (
          <Field label={t('webhooks.personalData')} path="personalData">
            <input
              type="checkbox"
              checked={personalData}
              onChange={(e) => setPersonalData(e.currentTarget.checked)}
            />
          </Field>
        )}
      </FieldErrors.Provider>
      <ErrorBox error={error} placed={(path) => isPlaced(path, WEBHOOK_FIELDS)} />
      <button type="submit" class="primary">
        {t('webhooks.create')}
      </button>
    </form>
  );
}

function EndpointDetail({ endpoint, onChanged }: { endpoint: Endpoint; onChanged: () => Promise<void> }) {
  const lang = getLang();
  const [deliveries, setDeliveries] = useState<Delivery[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const path = `${WEBHOOKS}/${encodeURIComponent(endpoint.id)}`;

  const load = useCallback(async () => {
    try {
      setDeliveries((await api<{ items: Delivery[] }>('GET', `${path}/deliveries?limit=100`)).items);
    } catch (err) {
      setError(err);
    }
  }, [path]);
  useEffect(() => {
    void load();
  }, [load]);

  async function run(action: () => Promise<string | null>) {
    try {
      setNote(await action());
      setError(null);
      await onChanged();
      await load();
    } catch (err) {
      setError(err);
    }
  }
  const setEnabled = (enabled: boolean) =>
    run(async () => {
      await api('PATCH', path, { enabled });
      return null;
    });
  const replay = (deliveryId?: string) =>
    run(async () => {
      const r = await api<{ replayed: number }>('POST', `${path}/replay`, deliveryId ? { deliveryId } : {});
      return t('webhooks.replayed', { n: r.replayed });
    });
  const rotate = () =>
    run(async () => {
      if (!confirm(t('webhooks.confirmRotate'))) return null;
      const r = await api<{ secret: string }>('POST', `${path}/secret`);
      return `${t('webhooks.secretOnce')} ${r.secret}`;
    });

  return (
    <div data-testid="webhook-detail">
      <h3>{endpoint.url}</h3>
      {endpoint.disabledAt && (
        <p class="notice" data-testid="webhook-auto-disabled">
          {t('webhooks.autoDisabled', {
            at: formatDateTime(endpoint.disabledAt, lang),
            reason: endpoint.disabledReason ?? '',
          })}
        </p>
      )}
      <p>
        <button type="button" onClick={() => setEnabled(!endpoint.enabled)} data-testid="webhook-toggle">
          {endpoint.enabled ? t('webhooks.disable') : t('webhooks.enable')}
        </button>{' '}
        <button type="button" onClick={rotate}>
          {t('webhooks.rotate')}
        </button>{' '}
        <button
          type="button"
          onClick={() => replay()}
          disabled={!endpoint.enabled}
          data-testid="webhook-replay-all"
        >
          {t('webhooks.replayFailed')}
        </button>
      </p>
      {note && <p class="notice">{note}</p>}
      <ErrorBox error={error} />
      <h4>{t('webhooks.deliveries')}</h4>
      {deliveries.length === 0 ? (
        <p class="muted">{t('webhooks.noDeliveries')}</p>
      ) : (
        <table data-testid="webhook-deliveries">
          <thead>
            <tr>
              <th>{t('webhooks.when')}</th>
              <th>{t('webhooks.event')}</th>
              <th>{t('webhooks.ticket')}</th>
              <th>{t('webhooks.state')}</th>
              <th>{t('webhooks.attempts')}</th>
              <th>{t('webhooks.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id}>
                <td>{formatDateTime(d.createdAt, lang)}</td>
                <td>{t(`event.${d.eventType}`)}</td>
                <td>
                  <code>{d.ticketId.slice(0, 8)}</code> ({d.ticketVersion})
                </td>
                <td>{t(`webhooks.state.${d.state}`)}</td>
                <td>{d.attempts}</td>
                <td title={d.lastError ?? ''}>{d.lastStatus ?? d.lastError ?? '–'}</td>
                <td>
                  {d.state !== 'pending' && endpoint.enabled && (
                    <button type="button" onClick={() => replay(d.id)}>
                      {t('webhooks.replay')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/**
 * Webhook endpoints: the list (an automatically switched-off one is marked), a form for a new one
 * that shows its secret once, and for the chosen one its switch, secret rotation, delivery log
 * with status codes, and replay.
 */
export function WebhooksPage() {
  useLang();
  const [endpoints, setEndpoints] = useState<Endpoint[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const units = useResource<Unit>('/api/v1/admin/units');

  const reload = useCallback(async () => {
    try {
      setEndpoints((await api<{ items: Endpoint[] }>('GET', WEBHOOKS)).items);
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const chosen = endpoints.find((e) => e.id === selected) ?? null;
  const unitName = (id: string | null) => {
    const unit = units.items.find((u) => u.id === id);
    return id === null ? t('webhooks.ownerAdmin') : unit ? pick(unit.name) : id;
  };
  return (
    <AdminSplit
      loading={loading}
      error={error}
      onNew={() => setSelected('new')}
      list={
        <table data-testid="webhook-list">
          <tbody>
            {endpoints.map((e) => (
              <tr
                key={e.id}
                class={`clickable${e.id === selected ? ' selected' : ''}`}
                onClick={() => setSelected(e.id)}
              >
                <td>{e.url}</td>
                <td class="muted">{unitName(e.unitId)}</td>
                <td class="muted">
                  {e.eventTypes.length ? e.eventTypes.length : t('webhooks.allTypes')}
                  {' · '}
                  {e.enabled ? t('webhooks.enabled') : t('webhooks.disabled')}
                  {e.disabledAt && ' ⚠'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      editor={
        selected === 'new' ? (
          <NewEndpointForm units={units.items.filter((u) => u.active)} onCreated={() => void reload()} />
        ) : (
          chosen && <EndpointDetail key={chosen.id} endpoint={chosen} onChanged={reload} />
        )
      }
    />
  );
}
