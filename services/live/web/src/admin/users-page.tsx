import { useState } from 'preact/hooks';
import { pick, t, useLang } from '../lib/i18n';
import { type Area, areaOptions } from './area-tree';
import { ActiveCheckbox, SelectField, TextField } from './field-rows';
import { saveRecord } from './record-api';
import { editTitle, RecordFormFrame } from './record-form-frame';
import { RecordPage, RecordTable } from './record-page';
import type { Unit } from './units-page';
import { useRecordForm } from './use-record-form';
import { useResource } from './use-resource';

interface User {
  id: string;
  username: string;
  displayName: string;
  role: string;
  unitId: string | null;
  areaId: string | null;
  active: boolean;
}

const USERS = '/api/v1/admin/users';
const ROLES = [
  'unit_member',
  'community_secretary',
  'subdistrict_secretary',
  'district_secretary',
  'admin',
  'hotline_agent',
];
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
  const form = useRecordForm();
  const level = ROLE_LEVEL[role];

  async function submit(e: Event) {
    // Only what the role uses: the server refuses a unit on a secretary and an area on a member.
    const body: Record<string, unknown> = {
      username,
      displayName,
      role,
      unitId: role === 'unit_member' ? unitId || null : null,
      areaId: level ? areaId || null : null,
    };
    if (password || !user) body.password = password;
    // Active is only edited on an existing account: a new one starts active.
    const savedId = await form.submit(e, () =>
      saveRecord(USERS, user?.id ?? null, { ...body, active }, body),
    );
    if (savedId !== null) {
      setPassword('');
      onSaved(savedId);
    }
  }
  async function deactivate() {
    if (user && (await form.remove(USERS, user.id, user.username))) onSaved(user.id);
  }

  return (
    <RecordFormFrame
      testId="user-form"
      title={editTitle(user?.username)}
      form={form}
      onSubmit={submit}
      onDelete={user?.active ? deactivate : undefined}
      deleteLabel={t('admin.deactivate')}
    >
      <TextField label={t('admin.username')} path="username" value={username} onInput={setUsername} />
      <TextField
        label={t('admin.password')}
        path="password"
        type="password"
        value={password}
        onInput={setPassword}
        placeholder={user ? t('admin.passwordKeep') : ''}
      />
      <TextField
        label={t('admin.displayName')}
        path="displayName"
        value={displayName}
        onInput={setDisplayName}
      />
      <SelectField
        label={t('admin.role')}
        path="role"
        value={role}
        onChange={setRole}
        options={ROLES.map((r) => [r, t(`admin.role.${r}`)])}
      />
      {role === 'unit_member' && (
        <SelectField
          label={t('admin.unit')}
          path="unitId"
          value={unitId}
          onChange={setUnitId}
          options={[
            ['', t('admin.none')],
            ...units.filter((u) => u.active).map((u): [string, string] => [u.id, pick(u.name)]),
          ]}
        />
      )}
      {level && (
        <SelectField
          label={t('admin.area')}
          path="areaId"
          value={areaId}
          onChange={setAreaId}
          options={[
            ['', t('admin.none')],
            ...areaOptions(
              areas,
              lang,
              areas.filter((a) => a.level === level),
            ),
          ]}
        />
      )}
      {user && <ActiveCheckbox value={active} onChange={setActive} />}
    </RecordFormFrame>
  );
}

/** Staff accounts: unit members, secretaries and administrators. */
export function UsersPage() {
  useLang();
  const res = useResource<User>(USERS);
  const units = useResource<Unit>('/api/v1/admin/units');
  const areas = useResource<Area>('/api/v1/admin/areas');
  return (
    <RecordPage
      records={res}
      keyOf={(u) => u.id}
      references={[units, areas]}
      list={(selection) => (
        <RecordTable
          testId="user-list"
          rows={res.items}
          selection={selection}
          cells={(u) => (
            <>
              <td>{u.username}</td>
              <td>{u.displayName}</td>
              <td class="muted">
                {t(`admin.role.${u.role}`)}
                {!u.active && ` · ${t('admin.inactive')}`}
              </td>
            </>
          )}
        />
      )}
      form={(user, onSaved) => (
        <UserForm user={user} units={units.items} areas={areas.items} onSaved={onSaved} />
      )}
    />
  );
}
