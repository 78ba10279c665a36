import { useState } from 'preact/hooks';
import { api } from '../lib/api';
import { ErrorBox } from '../lib/error-box';
import { pick, t, useLang } from '../lib/i18n';
import { AdminSplit, FormButtons } from './admin-shell';
import { type Area, areaPath } from './area-tree';
import { Field, Select, TextInput } from './form-fields';
import type { Unit } from './units-page';
import { useResource } from './use-resource';
import { useSave } from './use-save';

interface User {
  id: string;
  username: string;
  displayName: string;
  role: string;
  unitId: string | null;
  areaId: string | null;
  active: boolean;
}

const ROLES = ['unit_member', 'community_secretary', 'subdistrict_secretary', 'district_secretary', 'admin'];
/** The area level each secretary role is placed on (the server checks the same). */
const ROLE_LEVEL: Record<string, string> = {
  community_secretary: 'community',
  subdistrict_secretary: 'subdistrict',
  district_secretary: 'district',
};

function UserForm({
  user,
  units,
  areas,
  onSaved,
}: {
  user: User | null;
  units: Unit[];
  areas: Area[];
  onSaved: (id: string | null) => void;
}) {
  const lang = useLang();
  const [username, setUsername] = useState(user?.username ?? '');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [role, setRole] = useState(user?.role ?? 'unit_member');
  const [unitId, setUnitId] = useState(user?.unitId ?? '');
  const [areaId, setAreaId] = useState(user?.areaId ?? '');
  const [active, setActive] = useState(user?.active ?? true);
  const [saved, setSaved] = useState(false);
  const save = useSave();
  const level = ROLE_LEVEL[role];

  async function submit(e: Event) {
    e.preventDefault();
    setSaved(false);
    // Only what the role uses: the server refuses a unit on a secretary and an area on a member.
    const body: Record<string, unknown> = {
      username,
      displayName,
      role,
      unitId: role === 'unit_member' ? unitId || null : null,
      areaId: level ? areaId || null : null,
    };
    if (password || !user) body.password = password;
    let savedId = user?.id ?? null;
    const ok = await save.run(async () => {
      if (user) await api('PUT', `/api/v1/admin/users/${encodeURIComponent(user.id)}`, { ...body, active });
      else savedId = (await api<User>('POST', '/api/v1/admin/users', body)).id;
    });
    if (ok) {
      setSaved(true);
      setPassword('');
      onSaved(savedId);
    }
  }
  async function deactivate() {
    if (!user || !confirm(t('admin.confirmDelete', { name: user.username }))) return;
    if (await save.run(() => api('DELETE', `/api/v1/admin/users/${encodeURIComponent(user.id)}`)))
      onSaved(user.id);
  }

  return (
    <form onSubmit={submit} data-testid="user-form">
      <h2>{user ? `${t('admin.edit')} ${user.username}` : t('admin.new')}</h2>
      <Field label={t('admin.username')} path="username" fields={save.fields}>
        <TextInput name="username" value={username} onInput={setUsername} />
      </Field>
      <Field label={t('admin.password')} path="password" fields={save.fields}>
        <TextInput
          name="password"
          type="password"
          value={password}
          onInput={setPassword}
          placeholder={user ? t('admin.passwordKeep') : ''}
        />
      </Field>
      <Field label={t('admin.displayName')} path="displayName" fields={save.fields}>
        <TextInput name="displayName" value={displayName} onInput={setDisplayName} />
      </Field>
      <Field label={t('admin.role')} path="role" fields={save.fields}>
        <Select
          name="role"
          value={role}
          onChange={setRole}
          options={ROLES.map((r) => [r, t(`admin.role.${r}`)])}
        />
      </Field>
      {role === 'unit_member' && (
        <Field label={t('admin.unit')} path="unitId" fields={save.fields}>
          <Select
            name="unitId"
            value={unitId}
            onChange={setUnitId}
            options={[
              ['', t('admin.none')],
              ...units.filter((u) => u.active).map((u): [string, string] => [u.id, pick(u.name)]),
            ]}
          />
        </Field>
      )}
      {level && (
        <Field label={t('admin.area')} path="areaId" fields={save.fields}>
          <Select
            name="areaId"
            value={areaId}
            onChange={setAreaId}
            options={[
              ['', t('admin.none')],
              ...areas
                .filter((a) => a.level === level)
                .map((a): [string, string] => [a.id, areaPath(areas, a.id, lang)]),
            ]}
          />
        </Field>
      )}
      {user && (
        <label class="inline">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
          {t('admin.active')}
        </label>
      )}
      <ErrorBox error={save.error} />
      <FormButtons
        busy={save.busy}
        saved={saved}
        onDelete={user?.active ? deactivate : undefined}
        deleteLabel={t('admin.deactivate')}
      />
    </form>
  );
}

/** Staff accounts: unit members, secretaries and administrators. */
export function UsersPage() {
  useLang();
  const res = useResource<User>('/api/v1/admin/users');
  const units = useResource<Unit>('/api/v1/admin/units');
  const areas = useResource<Area>('/api/v1/admin/areas');
  const [selected, setSelected] = useState<string | null>(null);
  // Remount the form only when the user picks another record, not when a save selects the new one.
  const [formKey, setFormKey] = useState(0);
  const choose = (id: string) => {
    setSelected(id);
    setFormKey((k) => k + 1);
  };
  const user = res.items.find((u) => u.id === selected) ?? null;
  return (
    <AdminSplit
      loading={res.loading}
      error={res.error ?? units.error ?? areas.error}
      onNew={() => choose('new')}
      list={
        <table data-testid="user-list">
          <tbody>
            {res.items.map((u) => (
              <tr
                key={u.id}
                class={`clickable${u.id === selected ? ' selected' : ''}`}
                onClick={() => choose(u.id)}
              >
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td class="muted">
                  {t(`admin.role.${u.role}`)}
                  {!u.active && ` · ${t('admin.inactive')}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      editor={
        (selected === 'new' || user) && (
          <UserForm
            key={formKey}
            user={user}
            units={units.items}
            areas={areas.items}
            onSaved={async (id) => {
              // Reload first, so the record is there when it becomes the selection.
              await res.reload();
              setSelected(id);
            }}
          />
        )
      }
    />
  );
}
