/**
 * Staff roles. A `unit_member` acts for one unit; the three secretaries act over one area and
 * everything under it; `admin` maintains configuration and is deliberately not a dispatcher;
 * `hotline_agent` files reports for telephone callers (no area or unit: one hotline answers for
 * every district) and takes no ticket action.
 */
export type Role =
  | 'unit_member'
  | 'community_secretary'
  | 'subdistrict_secretary'
  | 'district_secretary'
  | 'admin'
  | 'hotline_agent';

/** Every staff role. */
export const ROLES: readonly Role[] = [
  'unit_member',
  'community_secretary',
  'subdistrict_secretary',
  'district_secretary',
  'admin',
  'hotline_agent',
];

/** The roles that supervise tickets in an area (书记), from the narrowest area to the widest. */
export const SECRETARY_ROLES: readonly Role[] = [
  'community_secretary',
  'subdistrict_secretary',
  'district_secretary',
];

/** True for the three secretary roles. */
export function isSecretaryRole(role: Role): boolean {
  return SECRETARY_ROLES.includes(role);
}

/** Type guard for {@link Role}, for untrusted input. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
