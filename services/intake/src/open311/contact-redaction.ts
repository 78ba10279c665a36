// The rule lives in the domain, shared with the workflow's ticket exports.
export { REDACTED_EMAIL, REDACTED_NUMBER, redactContactDetails } from '@grid-dispatch/domain';
