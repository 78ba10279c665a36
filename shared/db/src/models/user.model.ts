import type { Role } from '@grid-dispatch/domain';
import { type Connection, type Model, Schema } from 'mongoose';

export interface UserDoc {
  _id: string;
  username: string;
  /** bcrypt hash; the password itself is never stored or logged. */
  passwordHash: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  areaId: string | null;
  active: boolean;
  /** Moved on by every change to the account: tokens carrying an older one no longer count. */
  sessionVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

const userSchema = new Schema<UserDoc>(
  {
    _id: { type: String, required: true },
    username: { type: String, required: true },
    passwordHash: { type: String, required: true },
    displayName: { type: String, required: true },
    role: {
      type: String,
      required: true,
      enum: [
        'unit_member',
        'community_secretary',
        'subdistrict_secretary',
        'district_secretary',
        'admin',
        'hotline_agent',
      ],
    },
    unitId: { type: String, default: null },
    areaId: { type: String, default: null },
    active: { type: Boolean, default: true },
    sessionVersion: { type: Number, default: 0 },
  },
  { timestamps: true, versionKey: false, collection: 'users' },
);
userSchema.index({ username: 1 }, { unique: true });
userSchema.index({ unitId: 1 });

export function userModel(connection: Connection): Model<UserDoc> {
  return connection.models.User ?? connection.model<UserDoc>('User', userSchema);
}
