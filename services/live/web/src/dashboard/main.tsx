import '../lib/style.css';
import './dashboard.css';
import './messages';
import './committee-messages';
import { mountPage } from '../lib/page';
import { StaffGate } from '../lib/session';
import { DashboardApp } from './dashboard-app';

/** The secretaries of the community, the sub-district and the district (the staff roles of the README's demo logins). */
const SECRETARIES = ['community_secretary', 'subdistrict_secretary', 'district_secretary'];

mountPage(() => (
  <StaffGate roles={SECRETARIES}>
    <DashboardApp />
  </StaffGate>
));
