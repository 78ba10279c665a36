import '../lib/style.css';
import '../dashboard/dashboard.css';
import './admin.css';
import './messages';
import { mountPage } from '../lib/page';
import { StaffGate } from '../lib/session';
import { AdminApp } from './admin-app';

mountPage(() => (
  <StaffGate roles={['admin']}>
    <AdminApp />
  </StaffGate>
));
