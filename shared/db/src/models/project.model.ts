import type { ProjectStatus } from '@grid-dispatch/domain';
import { PROJECT_STATUSES } from '@grid-dispatch/domain';
import { type Connection, type Model, Schema } from 'mongoose';
import type { CommitteeRecord } from '../committee-outbox';
import { committeeRecordFields } from './committee-record.schema';

export interface ProjectMilestone {
  id: string;
  title: string;
  dueAt: Date;
  doneAt: Date | null;
  /** Waived by the secretary (with the reason): counts as settled for delivery. */
  waivedAt: Date | null;
  waiveReason: string | null;
  /** When the reminder before the due time went out, and when the miss was escalated (timers). */
  remindedAt?: Date | null;
  missedAt?: Date | null;
}

/** A resident's rating of a delivered project. */
export interface ProjectEvaluation {
  score: number;
  comment: string | null;
  at: Date;
}

/** How much of a resource's capacity the project uses once approved. */
export interface ResourceCommitment {
  resourceId: string;
  amount: number;
}

/** A project on the committee's projects list (项目清单): needs met with resources by units. */
export interface ProjectDoc extends CommitteeRecord {
  title: string;
  description: string;
  needIds: string[];
  resourceIds: string[];
  commitments: ResourceCommitment[];
  leadUnitId: string;
  participantUnitIds: string[];
  /** The lead and the participants: the units whose members may see and work on it. */
  unitIds: string[];
  milestones: ProjectMilestone[];
  status: ProjectStatus;
  approvedAtMeetingId: string | null;
  evaluations: ProjectEvaluation[];
  /** One-way keys of the devices that evaluated (one evaluation per device). */
  evaluatorKeys: string[];
  proposedAt: Date;
  approvedAt: Date | null;
  startedAt: Date | null;
  deliveredAt: Date | null;
  evaluatedAt: Date | null;
  createdBy: string;
  updatedAt: Date;
}

const projectSchema = new Schema<ProjectDoc>(
  {
    _id: { type: String, required: true },
    ...committeeRecordFields,
    title: { type: String, required: true },
    description: { type: String, required: true },
    needIds: { type: [String], default: [] },
    resourceIds: { type: [String], default: [] },
    commitments: {
      type: [new Schema({ resourceId: String, amount: Number }, { _id: false })],
      default: [],
    },
    leadUnitId: { type: String, required: true },
    participantUnitIds: { type: [String], default: [] },
    unitIds: { type: [String], default: [] },
    milestones: {
      type: [
        new Schema(
          {
            id: { type: String, required: true },
            title: { type: String, required: true },
            dueAt: { type: Date, required: true },
            doneAt: { type: Date, default: null },
            waivedAt: { type: Date, default: null },
            waiveReason: { type: String, default: null },
            remindedAt: { type: Date, default: null },
            missedAt: { type: Date, default: null },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    status: { type: String, required: true, enum: PROJECT_STATUSES, default: 'proposed' },
    approvedAtMeetingId: { type: String, default: null },
    evaluations: {
      type: [new Schema({ score: Number, comment: String, at: Date }, { _id: false })],
      default: [],
    },
    evaluatorKeys: { type: [String], default: [] },
    approvedAt: { type: Date, default: null },
    startedAt: { type: Date, default: null },
    deliveredAt: { type: Date, default: null },
    evaluatedAt: { type: Date, default: null },
    createdBy: { type: String, required: true },
  },
  {
    timestamps: { createdAt: 'proposedAt', updatedAt: 'updatedAt' },
    versionKey: false,
    collection: 'committee_projects',
  },
);
projectSchema.index({ communityId: 1, status: 1 });
projectSchema.index({ areaIds: 1 });
projectSchema.index({ unitIds: 1 });
projectSchema.index({ outboxPending: 1 });

export function projectModel(connection: Connection): Model<ProjectDoc> {
  return connection.models.Project ?? connection.model<ProjectDoc>('Project', projectSchema);
}
