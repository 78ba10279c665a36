/** Resident SMS: which ticket event tells the reporter what, the opt-out reply, the masked number. */

export * from './sms-notice';
export * from './sms-opt-out';
export * from './sms-phone-mask';
