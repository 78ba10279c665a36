export * from './password-policy';
export * from './staff-token';
